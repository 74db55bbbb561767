#pragma once

#include "ui/customers/CustomerFormPage.h"

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace bv::ui {

// Accounts and cards: one row per account (type, number, opened on, status). A card number is checked with
// the Luhn digit, an account number by length, when the user leaves the field. On an edit, existing accounts
// show their masked number as placeholder: typing a number replaces it; "Remove" marks the account for
// removal (done when the change is approved).
class AccountsFormPage : public CustomerFormPage
{
    Q_OBJECT
public:
    explicit AccountsFormPage(Today today, QWidget* parent = nullptr);

    QString title() const override;
    void load(const CustomerView* view) override;
    void collect(CustomerInput& input) const override;
    void clear() override;
    QJsonObject state() const override;
    void setState(const QJsonObject& state) override;

    int rowCount() const { return int(m_rows.size()); }
    QLineEdit* numberEdit(int row) const;

public slots:
    void addAccount();
    bool checkRow(int row);

private:
    struct Row
    {
        qint64 id = 0; // existing account (edit), 0 for a new one
        QString originalType;
        QString originalStatus;
        QDate originalOpenedOn;
        QComboBox* type = nullptr;
        QLineEdit* number = nullptr;
        QLineEdit* openedOn = nullptr;
        QComboBox* status = nullptr;
        QPushButton* remove = nullptr;
        QLabel* message = nullptr;
        QList<QWidget*> widgets;
    };
    Row& appendRow(const AccountView* existing);
    void removeRow(QPushButton* button);
    void relayout();
    void registerFirstRow();

    QGridLayout* m_grid = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_add = nullptr;
    QList<Row> m_rows;
};

} // namespace bv::ui
