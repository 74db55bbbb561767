#include "ui/admin/ChangeRoleDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

ChangeRoleDialog::ChangeRoleDialog(const QString& login, Role current, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("changeRoleDialog"));
    setWindowTitle(tr("Change role"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("New role for %1. The account's open sessions end; the user signs in again with the "
                                "new role.")
                                 .arg(login),
        this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("roleComboBox"));
    m_role->setAccessibleName(tr("New role"));
    for (Role role : {Role::Manager, Role::CustomerManager, Role::Clerk})
        m_role->addItem(Roles::label(role), int(role));
    setRole(current);
    auto* label = new QLabel(tr("&Role:"), this);
    label->setBuddy(m_role);
    form->addRow(label, m_role);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* change = buttons->addButton(tr("&Change role"), QDialogButtonBox::AcceptRole);
    change->setObjectName(QStringLiteral("changeButton"));
    change->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

Role ChangeRoleDialog::role() const
{
    return Role(m_role->currentData().toInt());
}

void ChangeRoleDialog::setRole(Role role)
{
    const int index = m_role->findData(int(role));
    if (index >= 0)
        m_role->setCurrentIndex(index);
}

} // namespace bv::ui
