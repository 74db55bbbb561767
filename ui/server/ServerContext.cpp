#include "ui/server/ServerContext.h"

#include "ui/common/Dialogs.h"

namespace bv::ui {

ServerPage::ServerPage(const ServerContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
}

bool ServerPage::fail(const Error& error)
{
    m_context.dialogs.showError(this, error);
    if (error.code == ErrorCode::ServerUnavailable)
        emit sessionLost();
    return false;
}

} // namespace bv::ui
