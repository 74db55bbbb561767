#include "ui/common/CloseDialogsThen.h"

#include <QApplication>
#include <QDialog>
#include <QPointer>
#include <QWidget>

namespace bv::ui {

namespace {

// Rejects every open dialog and closes every open popup; true when one of them was closed.
bool closeDialogs()
{
    QList<QPointer<QWidget>> open;
    for (QWidget* widget : QApplication::topLevelWidgets()) {
        if (widget->isVisible() && (qobject_cast<QDialog*>(widget) || widget->windowType() == Qt::Popup))
            open << widget;
    }
    bool closed = false;
    for (const QPointer<QWidget>& widget : std::as_const(open)) {
        if (!widget)
            continue; // went with another one
        if (auto* dialog = qobject_cast<QDialog*>(widget.data()))
            dialog->reject();
        else
            widget->close();
        // one that stays open (a dialog that refuses to close) does not hold the teardown back for ever
        closed = closed || !widget || !widget->isVisible();
    }
    return closed;
}

} // namespace

void closeDialogsThen(QObject* context, std::function<void()> then)
{
    closeDialogs();
    auto* later = new QObject;
    QObject::connect(later, &QObject::destroyed, context, [context, then = std::move(then)]() mutable {
        if (closeDialogs()) {
            closeDialogsThen(context, std::move(then));
            return;
        }
        then();
    });
    later->deleteLater();
}

} // namespace bv::ui
