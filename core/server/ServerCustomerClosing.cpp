// ServerCustomers::close: the branch manager closes a customer over the branch server (migration 28).
#include "core/customers/lifecycle/CustomerRetention.h"
#include "core/internal/server/ServerConnection.h"
#include "core/internal/server/ServerSealing.h"
#include "core/server/ServerCustomers.h"
#include "core/server/ServerSession.h"

namespace bv {

Result<QDateTime> ServerCustomers::close(const QString& customerNo, const QString& reason)
{
    const QString number = customerNo.trimmed().toUpper();
    if (number.isEmpty())
        return Error {ErrorCode::InvalidInput, tr("Give the customer number."), {}, QStringLiteral("customer")};
    // local mode's checks and wording first; the reason is stored on the server, so no ID, mobile or card number
    const QString why = reason.trimmed();
    BV_TRY(CustomerRetention::checkCloseReason(why));
    BV_TRY(serverentry::checkedFreeText(why, QStringLiteral("reason"), tr("The reason")));

    auto closed = m_session.connection().run(QStringLiteral("SELECT branchvault.customer_close($1, $2, $3)"),
        {ServerValue::text(number), ServerValue::text(why), ServerValue::text(m_session.workstation())},
        tr("closing customer %1").arg(number));
    if (!closed.ok()) {
        Error worded = closed.error();
        if (worded.code == ErrorCode::PermissionDenied)
            worded.message = tr("Only a branch manager closes customers. Ask the branch manager to close customer %1.")
                                 .arg(number);
        else if (worded.code == ErrorCode::Conflict)
            worded.message = tr("Customer %1 cannot be closed: only an active customer can be (the server's reason "
                                "follows). Reload the customer to see its status.")
                                 .arg(number);
        return worded;
    }
    const QDateTime until = closed->count() == 1 ? serverentry::serverTime(closed->text(0, 0)) : QDateTime();
    if (!until.isValid())
        return Error {ErrorCode::Damaged,
            tr("The branch server closed customer %1 but did not say until when its record is kept. Open the "
               "customer's history to check it.")
                .arg(number),
            {}, {}};
    return until;
}

} // namespace bv
