#pragma once

#include "core/common/Error.h"
#include "core/common/SecureBytes.h"

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>

class QDialog;
class QWidget;

namespace bv::ui {

// Every question a workspace asks the user goes through here: the application uses message boxes and
// file dialogs (WidgetDialogs); widget tests script the answers, so no test ever blocks on a modal.
class Dialogs
{
public:
    virtual ~Dialogs() = default;
    virtual bool confirm(QWidget* parent, const QString& title, const QString& text) = 0;
    // A free-text answer (a reason, a purpose); nullopt when cancelled. `required`: OK needs text.
    virtual std::optional<QString> askText(
        QWidget* parent, const QString& title, const QString& label, bool required = true)
        = 0;
    virtual std::optional<SecureBytes> askPassword(QWidget* parent, const QString& title, const QString& label) = 0;
    virtual QString saveFileName(QWidget* parent, const QString& title, const QString& suggested, const QString& filter)
        = 0;
    virtual QString openFileName(QWidget* parent, const QString& title, const QString& filter) = 0;
    virtual void showError(QWidget* parent, const Error& error) = 0;
    virtual void showInfo(QWidget* parent, const QString& title, const QString& text) = 0;
    // Runs a dialog the workspace built (a form); tests fill and accept it.
    virtual int exec(QDialog* dialog) = 0;
};

class WidgetDialogs final : public Dialogs
{
    Q_DECLARE_TR_FUNCTIONS(WidgetDialogs)
public:
    bool confirm(QWidget* parent, const QString& title, const QString& text) override;
    std::optional<QString> askText(QWidget* parent, const QString& title, const QString& label, bool required) override;
    std::optional<SecureBytes> askPassword(QWidget* parent, const QString& title, const QString& label) override;
    QString saveFileName(
        QWidget* parent, const QString& title, const QString& suggested, const QString& filter) override;
    QString openFileName(QWidget* parent, const QString& title, const QString& filter) override;
    void showError(QWidget* parent, const Error& error) override;
    void showInfo(QWidget* parent, const QString& title, const QString& text) override;
    int exec(QDialog* dialog) override;

    // The dialog askText() runs: the question, an answer field (its label "Answer:" carries the mnemonic),
    // OK (enabled with text when `required`) and Cancel. The answer field is "answerPlainTextEdit".
    static std::unique_ptr<QDialog> textDialog(
        QWidget* parent, const QString& title, const QString& label, bool required);
};

} // namespace bv::ui
