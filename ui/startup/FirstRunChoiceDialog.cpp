#include "ui/startup/FirstRunChoiceDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace bv::ui {

FirstRunChoiceDialog::FirstRunChoiceDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Set up BranchVault on this workstation"));
    setObjectName(QStringLiteral("firstRunChoiceDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Where does this branch keep its customers' records?"), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_local = new QRadioButton(tr("On &this computer: an encrypted database for a branch with one workstation"), this);
    m_local->setObjectName(QStringLiteral("localRadioButton"));
    m_local->setChecked(true);
    m_server = new QRadioButton(
        tr("On this branch's &server: several workstations, set up by the branch's IT person"), this);
    m_server->setObjectName(QStringLiteral("serverRadioButton"));
    layout->addWidget(m_local);
    layout->addWidget(m_server);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto* next = buttons->addButton(tr("&Next"), QDialogButtonBox::AcceptRole);
    next->setObjectName(QStringLiteral("nextButton"));
    next->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

FirstRunChoiceDialog::Choice FirstRunChoiceDialog::choice() const
{
    return m_server->isChecked() ? Choice::BranchServer : Choice::ThisComputer;
}

} // namespace bv::ui
