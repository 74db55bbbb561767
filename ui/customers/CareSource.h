#pragma once

#include "core/common/Error.h"
#include "core/customers/care/CustomerCare.h"
#include "core/drafts/DraftService.h"

#include <QSet>
#include <QWidget>

#include <memory>

namespace bv {
class ServerSession;
}

namespace bv::ui {

class ClipboardGuard;
class Dialogs;
struct WorkspaceContext;

// Where the care pages (service records, complaints, consent, the overdue complaints) read and write: the local
// database through the core with the signed-in session (CustomerCare), or the branch server (ServerCare). Either
// decides and checks; the pages only show what comes back, the same way in both modes.
class CareSource
{
public:
    virtual ~CareSource() = default;

    virtual Result<QList<ServiceRecord>> services(const QString& customerNo) = 0;
    virtual Result<qint64> addService(
        const QString& customerNo, const QDate& servedOn, const QString& channel, const QString& content)
        = 0;
    virtual Result<QList<Complaint>> complaints(const QString& customerNo) = 0;
    virtual Result<Complaint> addComplaint(
        const QString& customerNo, const QDateTime& receivedAtUtc, const QString& channel, const QString& content)
        = 0;
    virtual Status updateComplaint(qint64 complaintId, ComplaintStatus status, const QString& resolution) = 0;
    // the own overdue complaints (a customer manager), the branch's (a branch manager)
    virtual Result<QList<Complaint>> overdue() = 0;
    virtual Result<qint64> recordConsent(const QString& customerNo, const QString& purpose, const QString& action,
        const QDate& onDate, const QString& channel)
        = 0;
    virtual Result<QList<ConsentEntry>> consents(const QString& customerNo) = 0;
    virtual QDateTime nowUtc() const = 0;
    // the years whose official holidays are known (CalendarWarning)
    virtual QSet<int> calendarYears() const = 0;
    // A form about `subject` was saved: its kept draft goes (local mode; the server mode keeps no drafts).
    virtual void formSaved(DraftForm form, const QString& subject) = 0;
};

// What a care page needs: the source, the dialog seam and the clipboard policy.
struct CareContext
{
    std::shared_ptr<CareSource> source;
    Dialogs& dialogs;
    ClipboardGuard& clipboard;

    static CareContext local(const WorkspaceContext& context);
    static CareContext server(ServerSession& session, Dialogs& dialogs, ClipboardGuard& clipboard);
    // the branch's date now
    QDate today() const;
};

// Base of the care pages. A failure is shown through the dialog seam, except "session locked" (or no longer signed
// in), which asks the window to lock instead; a lost branch server is shown and then asks the same (the server
// window ends the session).
class CarePage : public QWidget
{
    Q_OBJECT
public:
    explicit CarePage(const CareContext& context, QWidget* parent = nullptr);

signals:
    void lockRequested();

protected:
    // Returns false so callers can write `if (!result.ok()) return fail(result.error());`.
    bool fail(const Error& error);
    // True for the errors that mean "lock now".
    static bool locks(const Error& error);

    CareContext m_care;
};

} // namespace bv::ui
