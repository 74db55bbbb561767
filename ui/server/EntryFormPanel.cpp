#include "ui/server/EntryFormPanel.h"

#include "core/common/Clock.h"
#include "core/common/SecureBytes.h"
#include "ui/common/Dialogs.h"
#include "ui/customers/CustomerFormPages.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/CustomerWidgetSupport.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

EntryFormPanel::EntryFormPanel(Dialogs& dialogs, const QString& note, Submit submit, Fail fail, QWidget* parent)
    : QWidget(parent)
    , m_dialogs(dialogs)
    , m_submit(std::move(submit))
    , m_fail(std::move(fail))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* noteLabel = new QLabel(note, this);
    noteLabel->setObjectName(QStringLiteral("entryNoteLabel"));
    noteLabel->setWordWrap(true);
    layout->addWidget(noteLabel);
    m_message = S::messageLabel(this, QStringLiteral("messageLabel"));
    layout->addWidget(m_message);
    // the branch's date by this workstation's clock (the server's own checks use the server's)
    m_form = new CustomerFormPages([] { return CustomerLabels::toBranchTime(Clock::system().nowUtc()).date(); }, this);
    m_form->load(nullptr);
    layout->addWidget(m_form, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    auto* reset = new QPushButton(tr("C&lear"), this);
    reset->setObjectName(QStringLiteral("resetButton"));
    m_save = new QPushButton(tr("&Save new customer"), this);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setDefault(true);
    buttons->addWidget(reset);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    connect(m_save, &QPushButton::clicked, this, &EntryFormPanel::save);
    connect(reset, &QPushButton::clicked, this, &EntryFormPanel::clear);
    auto* saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, &EntryFormPanel::save);
}

QString EntryFormPanel::withWarnings(const QString& text, const QStringList& warnings)
{
    if (warnings.isEmpty())
        return text;
    return text + QStringLiteral("\n\n") + tr("Please note:") + QStringLiteral("\n• ")
        + warnings.join(QStringLiteral("\n• "));
}

QString EntryFormPanel::message() const
{
    return m_message->text();
}

void EntryFormPanel::clear()
{
    S::setMessage(m_message, QString());
    m_form->clearMessages();
    m_form->reset(nullptr);
    emit cleared();
}

bool EntryFormPanel::save()
{
    S::setMessage(m_message, QString());
    m_form->clearMessages();
    CustomerInput in = m_form->input();
    auto done = m_submit(in);
    if (!done.ok()) {
        wipe(in); // the form keeps what was typed, to be corrected
        const Error& e = done.error();
        if (e.code == ErrorCode::InvalidInput || e.code == ErrorCode::Conflict || !e.field.isEmpty()) {
            QString text = e.message;
            if (!e.detail.isEmpty())
                text += QStringLiteral(" (") + e.detail + QLatin1Char(')');
            S::setMessage(m_message, text);
            m_form->showFieldError(e);
            return false;
        }
        m_fail(e);
        return false;
    }
    // nothing typed stays in the form; emptied first, so that `in` is the last holder of what was typed, wiped in place
    m_form->reset(nullptr);
    wipe(in);
    m_dialogs.showInfo(this, done->first, done->second);
    emit saved();
    return true;
}

} // namespace bv::ui
