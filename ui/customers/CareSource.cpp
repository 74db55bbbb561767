#include "ui/customers/CareSource.h"

#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/rules/HolidayCalendar.h"
#include "core/policy/SettingsService.h"
#include "core/server/ServerCare.h"
#include "ui/common/Dialogs.h"
#include "ui/common/WorkspaceContext.h"
#include "ui/customers/CustomerLabels.h"

#include <optional>

namespace bv::ui {

namespace {

class LocalCare : public CareSource
{
public:
    explicit LocalCare(const WorkspaceContext& context)
        : m_core(context.core)
        , m_session(context.session)
    {
    }

    Result<QList<ServiceRecord>> services(const QString& customerNo) override
    {
        return care().services(m_session, customerNo);
    }
    Result<qint64> addService(
        const QString& customerNo, const QDate& servedOn, const QString& channel, const QString& content) override
    {
        return care().addService(m_session, customerNo, servedOn, channel, content);
    }
    Result<QList<Complaint>> complaints(const QString& customerNo) override
    {
        return care().complaints(m_session, customerNo);
    }
    Result<Complaint> addComplaint(const QString& customerNo, const QDateTime& receivedAtUtc, const QString& channel,
        const QString& content) override
    {
        return care().addComplaint(m_session, customerNo, receivedAtUtc, channel, content);
    }
    Status updateComplaint(qint64 complaintId, ComplaintStatus status, const QString& resolution) override
    {
        return care().updateComplaint(m_session, complaintId, status, resolution);
    }
    Result<QList<Complaint>> overdue() override { return care().overdue(m_session); }
    Result<qint64> recordConsent(const QString& customerNo, const QString& purpose, const QString& action,
        const QDate& onDate, const QString& channel) override
    {
        return care().recordConsent(m_session, customerNo, purpose, action, onDate, channel);
    }
    Result<QList<ConsentEntry>> consents(const QString& customerNo) override
    {
        return care().consents(m_session, customerNo);
    }
    QDateTime nowUtc() const override { return m_core.clock().nowUtc(); }
    QSet<int> calendarYears() const override { return m_core.settings().calendarYears(); }
    void formSaved(DraftForm form, const QString& subject) override
    {
        (void)DraftService::forCore(m_core).discardFor(m_session, form, subject, true);
    }

private:
    CustomerCare& care() { return m_core.customers().care(); }
    Core& m_core;
    Session m_session;
};

class ServerCareSource : public CareSource
{
public:
    explicit ServerCareSource(ServerSession& session)
        : m_session(session)
    {
    }

    Result<QList<ServiceRecord>> services(const QString& customerNo) override { return care().services(customerNo); }
    Result<qint64> addService(
        const QString& customerNo, const QDate& servedOn, const QString& channel, const QString& content) override
    {
        return care().addService(customerNo, servedOn, channel, content);
    }
    Result<QList<Complaint>> complaints(const QString& customerNo) override { return care().complaints(customerNo); }
    Result<Complaint> addComplaint(const QString& customerNo, const QDateTime& receivedAtUtc, const QString& channel,
        const QString& content) override
    {
        return care().addComplaint(customerNo, receivedAtUtc, channel, content);
    }
    Status updateComplaint(qint64 complaintId, ComplaintStatus status, const QString& resolution) override
    {
        return care().updateComplaint(complaintId, status, resolution);
    }
    Result<QList<Complaint>> overdue() override { return care().overdue(); }
    Result<qint64> recordConsent(const QString& customerNo, const QString& purpose, const QString& action,
        const QDate& onDate, const QString& channel) override
    {
        return care().recordConsent(customerNo, purpose, action, onDate, channel);
    }
    Result<QList<ConsentEntry>> consents(const QString& customerNo) override { return care().consents(customerNo); }
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
    // the server computes the due dates with its own calendar (shipped at `server init`, newer years imported by the
    // administrator): its years, read once per source; when they cannot be read (the complaints' own read reports
    // why), the years every server starts with
    QSet<int> calendarYears() const override
    {
        if (!m_years) {
            auto years = ServerCare(m_session).calendarYears();
            if (!years.ok())
                return HolidayCalendar::shipped().years;
            m_years = *years;
        }
        return *m_years;
    }
    void formSaved(DraftForm, const QString&) override { }

private:
    ServerCare care() { return ServerCare(m_session); }
    ServerSession& m_session;
    mutable std::optional<QSet<int>> m_years;
};

} // namespace

CareContext CareContext::local(const WorkspaceContext& context)
{
    return {std::make_shared<LocalCare>(context), context.dialogs, context.clipboard};
}

CareContext CareContext::server(ServerSession& session, Dialogs& dialogs, ClipboardGuard& clipboard)
{
    return {std::make_shared<ServerCareSource>(session), dialogs, clipboard};
}

QDate CareContext::today() const
{
    return CustomerLabels::toBranchTime(source->nowUtc()).date();
}

CarePage::CarePage(const CareContext& context, QWidget* parent)
    : QWidget(parent)
    , m_care(context)
{
}

bool CarePage::locks(const Error& error)
{
    return error.code == ErrorCode::SessionLocked || error.code == ErrorCode::AuthenticationFailed;
}

bool CarePage::fail(const Error& error)
{
    if (locks(error)) {
        emit lockRequested();
        return false;
    }
    m_care.dialogs.showError(this, error);
    if (error.code == ErrorCode::ServerUnavailable)
        emit lockRequested();
    return false;
}

} // namespace bv::ui
