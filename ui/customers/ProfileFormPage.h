#pragma once

#include "ui/customers/CustomerFormPage.h"

class QComboBox;
class QLineEdit;

namespace bv::ui {

// Profile (grade 2): occupation, employer, income band, marital status, family situation, risk tolerance,
// assets under management, product holdings. Free text that looks like a PIN, CVV or password is flagged
// under its field (BranchVault never stores customers' authentication secrets).
class ProfileFormPage : public CustomerFormPage
{
    Q_OBJECT
public:
    explicit ProfileFormPage(Today today, QWidget* parent = nullptr);

    QString title() const override;
    void load(const CustomerView* view) override;
    void collect(CustomerInput& input) const override;
    void clear() override;

private:
    QString current(const QString& fieldKey) const;
    void checkText(const QString& fieldKey, const QLineEdit* edit);

    QHash<QString, QLineEdit*> m_texts;
    QHash<QString, QComboBox*> m_choices;
    QHash<QString, QString> m_original; // edit: the grade-2 values the editors started with
};

} // namespace bv::ui
