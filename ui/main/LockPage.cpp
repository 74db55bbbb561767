#include "ui/main/LockPage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

LockPage::LockPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("lockPage"));
    auto* outer = new QVBoxLayout(this);
    outer->addStretch();
    m_title = new QLabel(this);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    m_title->setFont(font);
    m_title->setAlignment(Qt::AlignCenter);
    outer->addWidget(m_title);
    m_who = new QLabel(this);
    m_who->setAlignment(Qt::AlignCenter);
    outer->addWidget(m_who);
    auto* row = new QHBoxLayout;
    row->addStretch();
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("unlockPasswordLineEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMinimumWidth(260);
    auto* passwordLabel = new QLabel(tr("&Password:"), this);
    passwordLabel->setBuddy(m_password);
    row->addWidget(passwordLabel);
    row->addWidget(m_password);
    m_unlock = new QPushButton(this);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_unlock->setDefault(true);
    row->addWidget(m_unlock);
    m_signOut = new QPushButton(this);
    m_signOut->setObjectName(QStringLiteral("signOutButton"));
    row->addWidget(m_signOut);
    row->addStretch();
    outer->addLayout(row);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    outer->addWidget(m_message);
    outer->addStretch();
    connect(m_unlock, &QPushButton::clicked, this, &LockPage::attempt);
    connect(m_password, &QLineEdit::returnPressed, this, &LockPage::attempt);
    connect(m_signOut, &QPushButton::clicked, this, &LockPage::signOutRequested);
    retranslate();
}

void LockPage::retranslate()
{
    m_title->setText(tr("The session is locked"));
    m_password->setPlaceholderText(tr("Password"));
    m_password->setAccessibleName(tr("Password"));
    m_unlock->setText(tr("&Unlock"));
    m_signOut->setText(tr("Sign &out"));
    if (!m_displayName.isEmpty())
        m_who->setText(tr("Signed in as %1. Enter your password to continue.").arg(m_displayName));
}

void LockPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LockPage::setUser(const QString& displayName)
{
    m_displayName = displayName;
    m_who->setText(tr("Signed in as %1. Enter your password to continue.").arg(displayName));
    m_message->clear();
}

void LockPage::attempt()
{
    if (!m_unlockFn)
        return;
    QByteArray bytes = m_password->text().toUtf8();
    m_password->clear();
    const Status result = m_unlockFn(SecureBytes::takeFrom(bytes));
    if (!result.ok()) {
        m_message->setText(result.error().message);
        if (result.error().code == ErrorCode::AccountLocked)
            emit signOutRequested(); // too many wrong passwords: the account is locked, the session ends
        return;
    }
    m_message->clear();
    emit unlocked();
}

} // namespace bv::ui
