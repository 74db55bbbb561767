#include "ui/admin/AccountsModel.h"
#include "ui/common/Formats.h"

#include "core/customers/rules/WorkingCalendar.h"

#include <QColor>
#include <QLocale>

namespace bv::ui {

AccountsModel::AccountsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void AccountsModel::setAccounts(const QList<Account>& accounts, const QDateTime& now)
{
    beginResetModel();
    m_accounts = accounts;
    m_now = now;
    endResetModel();
}

Account AccountsModel::accountFromIndex(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_accounts.size())
        return Account();
    return m_accounts.at(index.row());
}

QModelIndex AccountsModel::indexOfLogin(const QString& login) const
{
    for (qsizetype row = 0; row < m_accounts.size(); ++row) {
        if (m_accounts.at(row).login.compare(login, Qt::CaseInsensitive) == 0)
            return index(int(row), Login);
    }
    return QModelIndex();
}

QString AccountsModel::timeText(const QDateTime& utc)
{
    return Formats::dateTime(utc);
}

QString AccountsModel::statusText(const Account& account, const QDateTime& now)
{
    if (!account.awaiting.isEmpty())
        return tr("Waiting for a branch manager's confirmation");
    if (account.frozen)
        return tr("Frozen");
    if (account.lockedUntil.isValid() && account.lockedUntil > now)
        return tr("Locked until %1").arg(timeText(account.lockedUntil));
    if (account.mustChangePassword)
        return tr("Active — password change due");
    return tr("Active");
}

int AccountsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_accounts.size());
}

int AccountsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_accounts.size() || index.column() >= ColumnCount)
        return QVariant();
    const Account& account = m_accounts.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (Column(index.column())) {
        case Login:
            return account.login;
        case DisplayName:
            return account.displayName;
        case RoleColumn:
            return Roles::label(account.role);
        case StaffNo:
            return account.staffNo;
        case Status:
            return statusText(account, m_now);
        case SecondFactor:
            return account.secondFactor ? tr("Enrolled") : tr("None");
        case LastSignIn:
            return account.lastSignIn.isValid() ? timeText(account.lastSignIn) : tr("never");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole && index.column() == RoleColumn)
        return Roles::key(account.role);
    if (role == Qt::ForegroundRole && account.frozen)
        return QVariant::fromValue(QColor(Qt::gray));
    return QVariant();
}

QVariant AccountsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (Column(section)) {
    case Login:
        return tr("Login");
    case DisplayName:
        return tr("Display name");
    case RoleColumn:
        return tr("Role");
    case StaffNo:
        return tr("Staff number");
    case Status:
        return tr("Status");
    case SecondFactor:
        return tr("Second factor");
    case LastSignIn:
        return tr("Last sign-in");
    case ColumnCount:
        break;
    }
    return QVariant();
}

} // namespace bv::ui
