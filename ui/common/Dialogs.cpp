#include "ui/common/Dialogs.h"

#include "ui/common/ErrorDialog.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

bool WidgetDialogs::confirm(QWidget* parent, const QString& title, const QString& text)
{
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes;
}

std::unique_ptr<QDialog> WidgetDialogs::textDialog(
    QWidget* parent, const QString& title, const QString& label, bool required)
{
    auto dialog = std::make_unique<QDialog>(parent);
    dialog->setWindowTitle(title);
    auto* layout = new QVBoxLayout(dialog.get());
    auto* prompt = new QLabel(label, dialog.get());
    prompt->setObjectName(QStringLiteral("questionLabel"));
    prompt->setWordWrap(true);
    prompt->setTextFormat(Qt::PlainText);
    layout->addWidget(prompt);
    auto* answer = new QLabel(tr("&Answer:"), dialog.get());
    layout->addWidget(answer);
    auto* edit = new QPlainTextEdit(dialog.get());
    edit->setObjectName(QStringLiteral("answerPlainTextEdit"));
    edit->setAccessibleName(label);
    edit->setTabChangesFocus(true);
    answer->setBuddy(edit);
    layout->addWidget(edit);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog.get());
    layout->addWidget(buttons);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(!required);
    QDialog* raw = dialog.get();
    QObject::connect(edit, &QPlainTextEdit::textChanged, raw,
        [=] { ok->setEnabled(!required || !edit->toPlainText().trimmed().isEmpty()); });
    QObject::connect(buttons, &QDialogButtonBox::accepted, raw, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, raw, &QDialog::reject);
    edit->setFocus();
    return dialog;
}

std::optional<QString> WidgetDialogs::askText(
    QWidget* parent, const QString& title, const QString& label, bool required)
{
    const std::unique_ptr<QDialog> dialog = textDialog(parent, title, label, required);
    if (dialog->exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog->findChild<QPlainTextEdit*>(QStringLiteral("answerPlainTextEdit"))->toPlainText().trimmed();
}

std::optional<SecureBytes> WidgetDialogs::askPassword(QWidget* parent, const QString& title, const QString& label)
{
    bool ok = false;
    QString text = QInputDialog::getText(parent, title, label, QLineEdit::Password, QString(), &ok);
    if (!ok)
        return std::nullopt;
    QByteArray bytes = text.toUtf8();
    wipe(text);
    return SecureBytes::takeFrom(bytes);
}

QString WidgetDialogs::saveFileName(
    QWidget* parent, const QString& title, const QString& suggested, const QString& filter)
{
    return QFileDialog::getSaveFileName(parent, title, suggested, filter);
}

QString WidgetDialogs::openFileName(QWidget* parent, const QString& title, const QString& filter)
{
    return QFileDialog::getOpenFileName(parent, title, QString(), filter);
}

void WidgetDialogs::showError(QWidget* parent, const Error& error)
{
    ErrorDialog::show(parent, error);
}

void WidgetDialogs::showInfo(QWidget* parent, const QString& title, const QString& text)
{
    QMessageBox::information(parent, title, text);
}

int WidgetDialogs::exec(QDialog* dialog)
{
    return dialog->exec();
}

} // namespace bv::ui
