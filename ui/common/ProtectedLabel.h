#pragma once

#include <QLabel>

namespace bv::ui {

// Shows a grade-1 value (masked, or in full under a grant): it cannot be selected, copied, dragged or
// reached through a context menu, so it never reaches the clipboard.
class ProtectedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ProtectedLabel(QWidget* parent = nullptr);
    explicit ProtectedLabel(const QString& text, QWidget* parent = nullptr);

    void setTextInteractionFlags(Qt::TextInteractionFlags) = delete; // stays Qt::NoTextInteraction
};

} // namespace bv::ui
