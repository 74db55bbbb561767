#pragma once

#include "ui/customers/CustomerFormPage.h"

#include <utility>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace bv::ui {

// Identity: name, ID type and number, birth date, sex, nationality, restricted flag (and, for the branch
// manager's form, the responsible customer manager). The ID number is checked while it is typed: at 18
// characters its check character (GB 11643, MOD 11-2) and birth date are verified and, when they are still
// empty, the birth date and sex are filled from it.
class IdentityFormPage : public CustomerFormPage
{
    Q_OBJECT
public:
    explicit IdentityFormPage(Today today, QWidget* parent = nullptr);

    QString title() const override;
    void load(const CustomerView* view) override;
    void collect(CustomerInput& input) const override;
    void clear() override;
    void setManagerChoices(const QList<std::pair<qint64, QString>>& managers);

    QLineEdit* nameEdit() const { return m_name; }
    QComboBox* idTypeComboBox() const { return m_idType; }
    QLineEdit* idNumberEdit() const { return m_idNumber; }
    QLineEdit* birthDateEdit() const { return m_birthDate; }
    QComboBox* sexComboBox() const { return m_sex; }

public slots:
    // Checks the ID number as typed so far (messages under the ID number or the sex); returns true when it
    // is complete and valid.
    bool checkIdNumber();
    bool checkBirthDate();
    bool checkName();

private:
    void idNumberEdited(const QString& text);

    QLineEdit* m_name = nullptr;
    QComboBox* m_idType = nullptr;
    QLineEdit* m_idNumber = nullptr;
    QLineEdit* m_birthDate = nullptr;
    QComboBox* m_sex = nullptr;
    QLineEdit* m_nationality = nullptr;
    QCheckBox* m_restricted = nullptr;
    QComboBox* m_manager = nullptr;
    QWidget* m_managerRow = nullptr;
    // edit: the current grade-3 values the editors started with
    QString m_originalIdType;
    QString m_originalSex;
    QString m_originalNationality;
    bool m_originalRestricted = false;
    // what checkIdNumber() filled in from the number (replaced when the number changes, unless edited since)
    QString m_filledBirth;
    QString m_filledSex;
};

} // namespace bv::ui
