#pragma once

#include "ui/customers/CustomerFormPage.h"

class QLineEdit;

namespace bv::ui {

// Contact: mobile, other phone (landline or international), e-mail, address — each checked when the user
// leaves the field (Validators), the problem named under it. A mobile number or an address is required.
class ContactFormPage : public CustomerFormPage
{
    Q_OBJECT
public:
    explicit ContactFormPage(Today today, QWidget* parent = nullptr);

    QString title() const override;
    void load(const CustomerView* view) override;
    void collect(CustomerInput& input) const override;
    void clear() override;

    QLineEdit* mobileEdit() const { return m_mobile; }

public slots:
    bool checkMobile();
    bool checkOtherPhone();
    bool checkEmail();
    bool checkAddress();

private:
    QLineEdit* m_mobile = nullptr;
    QLineEdit* m_otherPhone = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_address = nullptr;
};

} // namespace bv::ui
