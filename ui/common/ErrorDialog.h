#pragma once

#include "core/common/Error.h"

#include <QCoreApplication>

class QWidget;

namespace bv::ui {

// Shows an Error: the message (cause and next step) as the main text, technical detail folded away.
class ErrorDialog
{
    Q_DECLARE_TR_FUNCTIONS(ErrorDialog)
public:
    static void show(QWidget* parent, const Error& error, bool warning = false);
    static QString title(const Error& error);
};

} // namespace bv::ui
