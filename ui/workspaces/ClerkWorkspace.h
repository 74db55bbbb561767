#pragma once

#include "ui/workspaces/Workspace.h"

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace bv {
struct ClerkCard;
}

namespace bv::ui {

class ProtectedLabel;

// The query clerk's workspace (DESIGN §6 "clerk"): one lookup form — full name AND ID number, both exact,
// with a stated purpose — and one masked card, "no match", or the core's refusal for a restricted customer
// with a way to file a restricted-access request. There is no list, table or history anywhere: the form
// is emptied after every lookup and "New lookup" empties the card as well.
class ClerkWorkspace : public Workspace
{
    Q_OBJECT
public:
    explicit ClerkWorkspace(const WorkspaceContext& context, QWidget* parent = nullptr);
    ~ClerkWorkspace() override;
    QString title() const override;

    void lookUp();
    void newLookup();
    void requestAccess();

private:
    void updateButtons();
    void clearForm();
    void clearResult();
    void showCard(const ClerkCard& card);
    void showNoMatch();
    void showRefusal(const QString& message);

    QLineEdit* m_name = nullptr;
    QLineEdit* m_idNumber = nullptr;
    QLineEdit* m_purpose = nullptr;
    QPushButton* m_lookup = nullptr;
    QPushButton* m_newLookup = nullptr;
    QLabel* m_result = nullptr;

    QGroupBox* m_card = nullptr;
    QList<ProtectedLabel*> m_cardValues;
    ProtectedLabel* m_number = nullptr;
    ProtectedLabel* m_maskedName = nullptr;
    ProtectedLabel* m_sex = nullptr;
    ProtectedLabel* m_ageBand = nullptr;
    ProtectedLabel* m_nationality = nullptr;
    ProtectedLabel* m_tier = nullptr;
    ProtectedLabel* m_status = nullptr;
    ProtectedLabel* m_maskedId = nullptr;
    ProtectedLabel* m_maskedMobile = nullptr;
    ProtectedLabel* m_manager = nullptr;

    QGroupBox* m_restricted = nullptr;
    QLabel* m_refusal = nullptr;
    QLineEdit* m_requestNumber = nullptr;
    QLineEdit* m_requestPurpose = nullptr;
    QSpinBox* m_requestHours = nullptr;
    QPushButton* m_requestAccess = nullptr;
};

} // namespace bv::ui
