#pragma once

#include <QDialog>

class QRadioButton;

namespace bv::ui {

// The first start of a workstation that has neither a database nor a branch server: the branch's records kept on
// this PC (a one-PC branch; the first-run wizard follows), or this branch's server (several desks; the connection
// dialog follows).
class FirstRunChoiceDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice
    {
        ThisComputer,
        BranchServer
    };
    explicit FirstRunChoiceDialog(QWidget* parent = nullptr);

    Choice choice() const;
    QRadioButton* localButton() const { return m_local; }
    QRadioButton* serverButton() const { return m_server; }

private:
    QRadioButton* m_local = nullptr;
    QRadioButton* m_server = nullptr;
};

} // namespace bv::ui
