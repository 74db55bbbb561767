#pragma once

#include "core/auth/AccountService.h"

#include <QAbstractTableModel>

namespace bv::ui {

// Staff accounts as the administrator manages them: login, name, role, staff number, status and last
// sign-in. No secret of any kind is in an Account, so none can reach this model.
class AccountsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Login,
        DisplayName,
        RoleColumn,
        StaffNo,
        Status,
        SecondFactor,
        LastSignIn,
        ColumnCount
    };

    explicit AccountsModel(QObject* parent = nullptr);

    // `now`: the core's clock, to tell a lockout that has run out.
    void setAccounts(const QList<Account>& accounts, const QDateTime& now);
    // The account of a row (an empty Account for an invalid index).
    Account accountFromIndex(const QModelIndex& index) const;
    QModelIndex indexOfLogin(const QString& login) const;
    static QString statusText(const Account& account, const QDateTime& now);
    static QString timeText(const QDateTime& utc); // branch time

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Account> m_accounts;
    QDateTime m_now;
};

} // namespace bv::ui
