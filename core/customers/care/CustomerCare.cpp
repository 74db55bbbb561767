#include "core/customers/care/CustomerCare.h"

#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/customers/CareChecks.h"

// Decisions where DESIGN §6 is silent (documented here, relied on by tests/core/customers/care/tst_care.cpp):
//
// - Free text (service contents, complaint contents, resolutions): trimmed, CR/LF folded to LF, 1 to 2000
//   characters (code points, not bytes), no control characters other than line feed and tab. Text that
//   Validators::looksLikeSecret() flags is refused, not merely warned about: this API has no warnings channel,
//   and a PIN or CVV written into a service note would be stored for years.
// - Dates: a service date, a complaint's receipt and a consent date may not be in the future (branch time for
//   dates, UTC instants for the receipt) and may lie at most kBackdateYears before the customer's record was
//   created: staff do back-enter paper files of long-standing customers, but a date decades earlier is a typo.
// - Customer status: service records and complaints are written for active and closed customers (a former
//   customer may still complain; the retention period is when that happens). A pending record is not yet a
//   customer (if it is rejected its personal data is erased, and grade-2 notes must not outlive it).
//   Consent may be recorded while the record is pending (it is usually collected at onboarding), and only
//   withdrawn once the customer is closed. Anonymised and rejected records take no new entries. The status is
//   checked with the scope (so the refusals come in the same order as ever) and again inside the transaction
//   that writes the entry, where it decides: a record closed or anonymised meanwhile takes nothing.
// - Complaint status moves forward only: open → investigating → answered → closed. Skipping "investigating"
//   (open → answered, a complaint answered at once) is allowed and marks the complaint investigated at the
//   same moment. Closing needs an answer first. "investigating" takes no resolution; "answered" and "closed"
//   need one; the resolution given when closing replaces the one given when answering (the final outcome).
// - Complaint deadlines are computed once, when the complaint is recorded, with the holiday settings of that
//   moment: the due dates told to the customer do not move when the holiday list is edited later.
// - Consent: entries for one purpose are recorded in the order they happened (a date earlier than the last
//   entry of that purpose is refused), so the list ordered by date is the history and its last entry per
//   purpose is the current state. Giving again while given is accepted (a renewed form is a fact worth
//   keeping). Withdrawing needs a current "given". Marketing needs a current processing consent (given on or
//   before the marketing date): marketing presupposes that the bank processes the data at all. Withdrawing
//   processing therefore also withdraws a current marketing consent, as a second row in the same transaction,
//   rather than refusing the customer's withdrawal.
// - Reading a customer's lists (services, complaints, consents) writes no audit row of its own: the customer
//   was opened (audited) to get there, and the scope rule still applies (refusals are audited). The overdue
//   list is different: it spans customers (the whole branch for the manager) and carries complaint contents,
//   so it is recorded like the branch list (customer.list, with the scope and the count, no contents).
// - Audit rows name the row (service_record / complaint / consent and its id) and the customer number, with
//   channel, status or purpose/action as details — never the contents or the resolution.

// The class is written in three files by what it does: ServiceRecords.cpp, Complaints.cpp and Consent.cpp; the
// checks they share are in CareChecks.cpp, every statement in CareRepository.cpp.

namespace bv {

CustomerCare::CustomerCare(CustomerServiceInternals& internals)
    : m_internals(internals)
{
}

bool CustomerCare::isOverdue(const Complaint& complaint, const QDateTime& nowUtc)
{
    if (complaint.status != ComplaintStatus::Open && complaint.status != ComplaintStatus::Investigating)
        return false;
    return (!complaint.investigatedAt.isValid() && WorkingCalendar::isOverdue(complaint.investigateBy, nowUtc))
        || (!complaint.answeredAt.isValid() && WorkingCalendar::isOverdue(complaint.answerBy, nowUtc));
}

QStringList CustomerCare::channels()
{
    static const QStringList list = {QStringLiteral("counter"), QStringLiteral("phone"), QStringLiteral("online"),
        QStringLiteral("mobile_app"), QStringLiteral("letter"), QStringLiteral("other")};
    return list;
}

} // namespace bv
