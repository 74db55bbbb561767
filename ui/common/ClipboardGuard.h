#pragma once

#include <QObject>

namespace bv::ui {

// The application's clipboard policy: it is cleared when the session locks and at sign-out, and
// whatever BranchVault itself puts there is grade 3 only (see the list views' copy actions).
class ClipboardGuard : public QObject
{
    Q_OBJECT
public:
    explicit ClipboardGuard(QObject* parent = nullptr);
    void clear();
    // Puts text there and remembers that BranchVault did.
    void setText(const QString& text);
};

} // namespace bv::ui
