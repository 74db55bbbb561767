#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

class QWidget;

namespace bv::ui {

class Dialogs;

// Free text (service notes, complaints, resolutions, purposes) is checked before it is saved: when core's
// FreeText::check finds what looks like a full ID, mobile or card number or a customer's PIN/CVV/password,
// the user is warned (what was found and where, with its masked form) and chooses to mask them or go back.
class FreeTextWarning
{
    Q_DECLARE_TR_FUNCTIONS(FreeTextWarning)
public:
    // The text to save: unchanged when nothing was found, masked when the user chose to mask; nullopt when
    // the user chose to go back and edit (nothing is saved), with `why` (when given) set to what to change.
    static std::optional<QString> review(
        Dialogs& dialogs, QWidget* parent, const QString& text, QString* why = nullptr);
};

} // namespace bv::ui
