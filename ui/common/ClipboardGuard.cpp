#include "ui/common/ClipboardGuard.h"

#include <QClipboard>
#include <QGuiApplication>

namespace bv::ui {

ClipboardGuard::ClipboardGuard(QObject* parent)
    : QObject(parent)
{
}

void ClipboardGuard::clear()
{
    if (auto* clipboard = QGuiApplication::clipboard()) {
        clipboard->clear(QClipboard::Clipboard);
        if (clipboard->supportsSelection())
            clipboard->clear(QClipboard::Selection);
    }
}

void ClipboardGuard::setText(const QString& text)
{
    if (auto* clipboard = QGuiApplication::clipboard())
        clipboard->setText(text, QClipboard::Clipboard);
}

} // namespace bv::ui
