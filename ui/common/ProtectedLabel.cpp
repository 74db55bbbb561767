#include "ui/common/ProtectedLabel.h"

namespace bv::ui {

ProtectedLabel::ProtectedLabel(QWidget* parent)
    : ProtectedLabel(QString(), parent)
{
}

ProtectedLabel::ProtectedLabel(const QString& text, QWidget* parent)
    : QLabel(text, parent)
{
    QLabel::setTextInteractionFlags(Qt::NoTextInteraction);
    setContextMenuPolicy(Qt::NoContextMenu);
    setTextFormat(Qt::PlainText);
    setFocusPolicy(Qt::NoFocus);
}

} // namespace bv::ui
