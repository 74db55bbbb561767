// Controlled printing (DESIGN §8, issue 12): the print flow of ReportService (grant used once, released by a failed
// print, nothing used by a cancelled dialog, sequential serials, reprint numbering, page codes) and the print
// register (lifecycle and its refusals, second persons confirmed by password, alerts, tracing a page code, the
// hash chain that names an edited row, the borrowing and destruction record form). The report builders are the
// test's own (ReportContext::builder), so these tests do not depend on any one report.
#include "core/audit/AuditActions.h"
#include "core/audit/AuditService.h"
#include "core/auth/AuthService.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/auth/Totp.h"
#include "core/internal/db/Database.h"
#include "core/internal/policy/AccessControl.h"
#include "core/internal/policy/SettingsWriter.h"
#include "core/internal/reports/ReportContext.h"
#include "core/policy/SettingsService.h"
#include "core/reports/PrintRegister.h"
#include "core/reports/ReportService.h"
#include "core/requests/RequestService.h"
#include "tests/testsupport/TestCore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {

const QString kRoster = QStringLiteral("customer_list");
const QString kDataSubject = QStringLiteral("data_subject");
const QString kAuditSummary = QStringLiteral("audit_summary");

// The test's catalogue: a manager's roster that holds grade-1 content when asked "with_identities", a customer
// manager's data-subject report (one customer, grade 1 in full), an auditor's report without customer data.
const QList<ReportInfo>& catalogue()
{
    static const QList<ReportInfo> infos = [] {
        ReportInfo roster;
        roster.key = kRoster;
        roster.title = QStringLiteral("Customer roster");
        roster.role = Role::Manager;
        roster.mayHoldGrade1 = true;
        roster.parameters = {{QStringLiteral("with_identities"), QStringLiteral("With identities"),
            ReportParameterSpec::Kind::Boolean, QStringLiteral("false"), false}};
        ReportInfo subject;
        subject.key = kDataSubject;
        subject.title = QStringLiteral("Data-subject report");
        subject.role = Role::CustomerManager;
        subject.mayHoldGrade1 = true;
        subject.needsCustomer = true;
        subject.parameters = {{QStringLiteral("customer"), QStringLiteral("Customer"),
            ReportParameterSpec::Kind::CustomerNumber, QString(), true}};
        ReportInfo summary;
        summary.key = kAuditSummary;
        summary.title = QStringLiteral("Audit summary");
        summary.role = Role::Auditor;
        summary.parameters
            = {{QStringLiteral("from"), QStringLiteral("From"), ReportParameterSpec::Kind::Date, QString(), false}};
        return QList<ReportInfo> {roster, subject, summary};
    }();
    return infos;
}

const ReportInfo* findInfo(const QString& key)
{
    for (const ReportInfo& info : catalogue()) {
        if (info.key == key)
            return &info;
    }
    return nullptr;
}

} // namespace

class TestPrintRegister : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    std::unique_ptr<ReportContext> context;
    std::unique_ptr<ReportService> reports;
    std::unique_ptr<PrintRegister> reg;
    Session m1, m2, cm1, cm2, au;
    qint64 c1 = 0; // C0001, cm1's customer
    int builds = 0;
    QList<const Grant*> grantsSeen;

    Session again(const QString& login)
    {
        auto session = t->signIn(login);
        return session.ok() ? *session : Session();
    }
    // After the mock clock moved past the idle lock, every session signs in again.
    void signInAgain()
    {
        m1 = again(QStringLiteral("m1"));
        m2 = again(QStringLiteral("m2"));
        cm1 = again(QStringLiteral("cm1"));
        cm2 = again(QStringLiteral("cm2"));
        au = again(QStringLiteral("au"));
    }

    static ReportRequest roster(bool identities)
    {
        ReportRequest request;
        request.report = kRoster;
        request.parameters.insert(
            QStringLiteral("with_identities"), identities ? QStringLiteral("true") : QStringLiteral("false"));
        return request;
    }
    static ReportRequest subject(const QString& customer)
    {
        ReportRequest request;
        request.report = kDataSubject;
        request.parameters.insert(QStringLiteral("customer"), customer);
        return request;
    }
    static ReportRequest summary()
    {
        ReportRequest request;
        request.report = kAuditSummary;
        return request;
    }

    // A print or export request for `report`, filed by `requester` and approved by `approver`.
    qint64 grant(const Session& requester, const Session& approver, const QString& report, RequestType type,
        const QStringList& customers = {})
    {
        NewRequest request;
        request.type = type;
        request.report = report;
        request.customerNumbers = customers;
        request.purpose = QStringLiteral("Quarterly review of the branch's customers");
        auto created = t->core->requests().create(requester, request);
        if (!created.ok()) {
            qWarning("create: %s", qPrintable(created.error().fullText()));
            return 0;
        }
        if (Status approved = t->core->requests().approve(approver, created->id, QStringLiteral("checked"));
            !approved.ok()) {
            qWarning("approve: %s", qPrintable(approved.error().fullText()));
            return 0;
        }
        return created->id;
    }

    RequestStatus statusOf(qint64 id)
    {
        auto request = t->core->requests().get(m1, id);
        return request.ok() ? request->status : RequestStatus::Pending;
    }

    QList<AuditRow> auditRows(const char* action)
    {
        AuditFilter filter;
        filter.action = QString::fromLatin1(action);
        filter.limit = 100000;
        auto rows = internalsOf(*t->core).auditLog().rows(filter);
        return rows.ok() ? *rows : QList<AuditRow>();
    }
    int auditCount(const char* action) { return int(auditRows(action).size()); }
    static QJsonObject details(const AuditRow& row) { return QJsonDocument::fromJson(row.details.toUtf8()).object(); }

    PrintCopy copyOf(const QString& serial, int copy)
    {
        auto found = reg->copy(m1, serial, copy);
        return found.ok() ? *found : PrintCopy();
    }

    // A printed, finished copy of the roster without identities (no grant needed), by m1.
    QString printedRoster(int copies = 1)
    {
        auto job = reports->print(m1, roster(false), copies, PrintMedium::Printer);
        if (!job.ok()) {
            qWarning("print: %s", qPrintable(job.error().fullText()));
            return QString();
        }
        if (Status done = reports->finishPrint(m1, job->serial, true, 2); !done.ok()) {
            qWarning("finish: %s", qPrintable(done.error().fullText()));
            return QString();
        }
        return job->serial;
    }

    qint64 failedAttempts(const QString& login)
    {
        auto value = internalsOf(*t->core).database().scalar(
            QStringLiteral("SELECT failed_attempts FROM users WHERE login = ?"), {login});
        return value.ok() ? value->toLongLong() : -1;
    }

private slots:
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        m1 = t->addUser(QStringLiteral("m1"), Role::Manager);
        m2 = t->addUser(QStringLiteral("m2"), Role::Manager);
        cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager);
        cm2 = t->addUser(QStringLiteral("cm2"), Role::CustomerManager);
        au = t->addUser(QStringLiteral("au"), Role::Auditor);
        QVERIFY(m1.isValid() && m2.isValid() && cm1.isValid() && cm2.isValid() && au.isValid());
        c1 = t->insertCustomer(QStringLiteral("C0001"), t->userId(QStringLiteral("cm1")));
        QVERIFY(c1 > 0);
        Core& core = *t->core;
        context.reset(new ReportContext {internalsOf(core).database(), internalsOf(core).auditLog(),
            internalsOf(core).access(), core.settings(), core.auth(), core.accounts(), core.audit(), core.customers(),
            core.requests(), t->vault->staffCipher(), t->clock});
        builds = 0;
        grantsSeen.clear();
        context->reportInfo = &findInfo;
        context->builder
            = [this](ReportContext&, const Actor& actor, const ReportRequest& request, const Grant* grant) {
                  ++builds;
                  grantsSeen << grant;
                  ReportDocument document;
                  document.reportKey = request.report;
                  document.title = findInfo(request.report)->title;
                  document.branch = QStringLiteral("Test branch");
                  document.builtBy = actor.login;
                  for (auto it = request.parameters.cbegin(); it != request.parameters.cend(); ++it)
                      document.parameters << ReportParameter {it.key(), it.value()};
                  // grade-1 content whenever the parameters ask for it, grant or not: print() must refuse it itself
                  const bool grade1 = request.report == kDataSubject
                      || request.parameters.value(QStringLiteral("with_identities")) == QLatin1String("true");
                  document.highestGrade = grade1 ? 1 : 3;
                  document.fullGrade1 = request.report == kDataSubject;
                  document.grantRequestId = grant ? grant->requestId : 0;
                  return Result<ReportDocument>(document);
              };
        reports = std::make_unique<ReportService>(*context);
        reg = std::make_unique<PrintRegister>(*context);
    }
    void cleanup()
    {
        reg.reset();
        reports.reset();
        context.reset();
        t.reset();
    }

    // ---- the print flow ----

    void gradeOnePrintWithoutGrantIsRefusedAndAudited()
    {
        const int denials = auditCount(audit::AccessDenied);
        auto job = reports->print(m1, roster(true), 1, PrintMedium::Printer);
        BV_COMPARE_CODE(job, ErrorCode::PermissionDenied);
        QVERIFY2(job.error().message.contains(QStringLiteral("approval")), qPrintable(job.error().message));
        QCOMPARE(auditCount(audit::AccessDenied), denials + 1);
        QCOMPARE(auditRows(audit::AccessDenied).last().objectId, kRoster);
        QCOMPARE(auditCount(audit::ReportPrint), 0);
        auto copies = reg->list(m1);
        BV_VERIFY_OK(copies);
        QVERIFY(copies->isEmpty());
        // the builder was asked without a grant
        QCOMPARE(grantsSeen, QList<const Grant*> {nullptr});
    }

    void wrongRoleIsRefusedAndAudited()
    {
        const int denials = auditCount(audit::AccessDenied);
        BV_COMPARE_CODE(reports->print(cm1, roster(false), 1, PrintMedium::Printer), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(reports->print(m1, summary(), 1, PrintMedium::Printer), ErrorCode::PermissionDenied);
        QCOMPARE(auditCount(audit::AccessDenied), denials + 2);
        QCOMPARE(builds, 0);
        BV_COMPARE_CODE(reports->print(m1, roster(false), 0, PrintMedium::Printer), ErrorCode::InvalidInput);
        BV_COMPARE_CODE(reports->print(m1, roster(false), 11, PrintMedium::Printer), ErrorCode::InvalidInput);
        ReportRequest unknownParameter = roster(false);
        unknownParameter.parameters.insert(QStringLiteral("name"), QStringLiteral("x"));
        BV_COMPARE_CODE(reports->print(m1, unknownParameter, 1, PrintMedium::Printer), ErrorCode::InvalidInput);
    }

    void gradeOnePrintUsesItsGrantOnce()
    {
        const qint64 id = grant(m1, m2, kRoster, RequestType::Print);
        QVERIFY(id > 0);
        auto job = reports->print(m1, roster(true), 1, PrintMedium::Printer);
        BV_VERIFY_OK(job);
        QCOMPARE(job->serial, QStringLiteral("PR-2026-000001"));
        QCOMPARE(job->document.grantRequestId, id);
        QCOMPARE(statusOf(id), RequestStatus::Used);
        QCOMPARE(job->copies.size(), 1);
        const PrintMarks& marks = job->copies.first();
        QCOMPARE(marks.serial, job->serial);
        QCOMPARE(marks.copy, 1);
        QCOMPARE(marks.copyLabel, QStringLiteral("Original"));
        QCOMPARE(marks.branch, QStringLiteral("Test branch"));
        QCOMPARE(marks.printedBy, QStringLiteral("m1"));
        QCOMPARE(marks.printedAtUtc, t->clock.nowUtc());
        QCOMPARE(marks.printedAtText, QStringLiteral("2026-03-02 17:00 (UTC+08:00)")); // 09:00 UTC
        QCOMPARE(marks.validUntil, QDate(2026, 4, 1)); // the default period of use, 30 days
        QCOMPARE(marks.validUntilText, QStringLiteral("2026-04-01"));

        const PrintCopy copy = copyOf(job->serial, 1);
        QCOMPARE(copy.state, PrintCopyState::Printing);
        QVERIFY(copy.holdsGrade1);
        QCOMPARE(copy.approvedBy, QStringLiteral("m2"));
        QCOMPARE(copy.requestId, id);
        QCOMPARE(copy.report, kRoster);
        QCOMPARE(copy.parameters, QStringLiteral("with_identities: true"));

        const QList<AuditRow> printed = auditRows(audit::ReportPrint);
        QCOMPARE(printed.size(), 1);
        QCOMPARE(printed.first().objectId, job->serial);
        const QJsonObject d = details(printed.first());
        QCOMPARE(d.value(QStringLiteral("serial")).toString(), job->serial);
        QCOMPARE(d.value(QStringLiteral("report")).toString(), kRoster);
        QCOMPARE(d.value(QStringLiteral("copies")).toInt(), 1);
        QCOMPARE(d.value(QStringLiteral("medium")).toString(), QStringLiteral("printer"));
        QCOMPARE(qint64(d.value(QStringLiteral("request")).toDouble()), id);
        QCOMPARE(details(auditRows(audit::GrantUse).last()).value(QStringLiteral("usedFor")).toString(), job->serial);

        BV_VERIFY_OK(reports->finishPrint(m1, job->serial, true, 3));
        QCOMPARE(copyOf(job->serial, 1).state, PrintCopyState::Printed);
        QCOMPARE(copyOf(job->serial, 1).pages, 3);
        QCOMPARE(statusOf(id), RequestStatus::Used);
        QCOMPARE(auditCount(audit::ReportPrintDone), 1);

        // used up: a second print is refused
        BV_COMPARE_CODE(reports->print(m1, roster(true), 1, PrintMedium::Printer), ErrorCode::PermissionDenied);
        // the outcome is recorded once
        BV_COMPARE_CODE(reports->finishPrint(m1, job->serial, false, 0), ErrorCode::Conflict);
    }

    void pdfAcceptsAnExportGrantThenAPrintGrant()
    {
        const qint64 exportId = grant(m1, m2, kRoster, RequestType::Export);
        const qint64 printId = grant(m1, m2, kRoster, RequestType::Print);
        QVERIFY(exportId > 0 && printId > 0);
        auto first = reports->print(m1, roster(true), 1, PrintMedium::Pdf);
        BV_VERIFY_OK(first);
        QCOMPARE(statusOf(exportId), RequestStatus::Used);
        QCOMPARE(statusOf(printId), RequestStatus::Approved);
        BV_VERIFY_OK(reports->finishPrint(m1, first->serial, true, 1));
        auto second = reports->print(m1, roster(true), 1, PrintMedium::Pdf);
        BV_VERIFY_OK(second);
        QCOMPARE(statusOf(printId), RequestStatus::Used);
        QCOMPARE(copyOf(second->serial, 1).medium, PrintMedium::Pdf);
    }

    void printerDoesNotAcceptAnExportGrant()
    {
        const qint64 exportId = grant(m1, m2, kRoster, RequestType::Export);
        QVERIFY(exportId > 0);
        BV_COMPARE_CODE(reports->print(m1, roster(true), 1, PrintMedium::Printer), ErrorCode::PermissionDenied);
        QCOMPARE(statusOf(exportId), RequestStatus::Approved);
    }

    void failedPrintReleasesTheGrant()
    {
        const qint64 id = grant(m1, m2, kRoster, RequestType::Print);
        QVERIFY(id > 0);
        auto job = reports->print(m1, roster(true), 2, PrintMedium::Printer);
        BV_VERIFY_OK(job);
        QCOMPARE(statusOf(id), RequestStatus::Used);
        // only the account that printed records the outcome
        BV_COMPARE_CODE(
            reports->finishPrint(m2, job->serial, false, 0, QStringLiteral("jam")), ErrorCode::PermissionDenied);
        BV_VERIFY_OK(reports->finishPrint(m1, job->serial, false, 0, QStringLiteral("Paper jam in tray 2")));
        QCOMPARE(statusOf(id), RequestStatus::Approved);
        for (int copy : {1, 2}) {
            const PrintCopy failed = copyOf(job->serial, copy);
            QCOMPARE(failed.state, PrintCopyState::Failed);
            QCOMPARE(failed.events.size(), 1);
            QCOMPARE(failed.events.first().kind, PrintEventKind::Failed);
            QCOMPARE(failed.events.first().note, QStringLiteral("Paper jam in tray 2"));
        }
        QCOMPARE(auditCount(audit::ReportPrintFailed), 1);
        const QJsonObject d = details(auditRows(audit::ReportPrintFailed).first());
        QCOMPARE(d.value(QStringLiteral("released")).toArray().size(), 1);
        QCOMPARE(auditCount(audit::GrantRelease), 1);

        // the released grant serves the next print, which then uses it up
        auto next = reports->print(m1, roster(true), 1, PrintMedium::Printer);
        BV_VERIFY_OK(next);
        QCOMPARE(next->serial, QStringLiteral("PR-2026-000002"));
        QCOMPARE(statusOf(id), RequestStatus::Used);
        BV_VERIFY_OK(reports->finishPrint(m1, next->serial, true, 4));
        QCOMPARE(statusOf(id), RequestStatus::Used);
    }

    void failedPrintDoesNotReleaseAnExpiredGrant()
    {
        const qint64 id = grant(m1, m2, kRoster, RequestType::Print);
        QVERIFY(id > 0);
        auto job = reports->print(m1, roster(true), 1, PrintMedium::Printer);
        BV_VERIFY_OK(job);
        t->clock.advanceSecs(25 * 3600); // past the 24 hours of validity
        signInAgain();
        BV_VERIFY_OK(reports->finishPrint(m1, job->serial, false, 0, QStringLiteral("stopped")));
        QCOMPARE(statusOf(id), RequestStatus::Used);
        QCOMPARE(auditCount(audit::GrantRelease), 0);
    }

    void cancelledDialogUsesNothingButIsAudited()
    {
        const qint64 id = grant(m1, m2, kRoster, RequestType::Print);
        QVERIFY(id > 0);
        BV_VERIFY_OK(reports->printCancelled(m1, roster(true), PrintMedium::Printer));
        QCOMPARE(statusOf(id), RequestStatus::Approved);
        QCOMPARE(auditCount(audit::ReportPrintCancelled), 1);
        const AuditRow row = auditRows(audit::ReportPrintCancelled).first();
        QCOMPARE(row.login, QStringLiteral("m1"));
        QCOMPARE(details(row).value(QStringLiteral("report")).toString(), kRoster);
        QCOMPARE(auditCount(audit::ReportPrint), 0);
        QCOMPARE(builds, 0);
        QVERIFY(reg->list(m1)->isEmpty());
    }

    void serialsAreSequentialPerYear()
    {
        QStringList serials;
        for (int i = 0; i < 3; ++i) {
            auto job = reports->print(au, summary(), 1, PrintMedium::Pdf);
            BV_VERIFY_OK(job);
            serials << job->serial;
            BV_VERIFY_OK(reports->finishPrint(au, job->serial, true, 1));
        }
        QCOMPARE(serials,
            (QStringList {
                QStringLiteral("PR-2026-000001"), QStringLiteral("PR-2026-000002"), QStringLiteral("PR-2026-000003")}));
        // a new year in branch time (UTC 16:00 on 31 December is 00:00 on 1 January at the branch)
        t->clock.set(QDateTime(QDate(2026, 12, 31), QTime(16, 0), Qt::UTC));
        au = again(QStringLiteral("au"));
        // the password expired meanwhile
        const QString renewed = QStringLiteral("Renewed-pass-2027");
        BV_VERIFY_OK(t->core->auth().changePassword(au, secret(t->passwordOf(QStringLiteral("au"))), secret(renewed)));
        auto next = reports->print(au, summary(), 1, PrintMedium::Pdf);
        BV_VERIFY_OK(next);
        QCOMPARE(next->serial, QStringLiteral("PR-2027-000001"));
    }

    void periodOfUse()
    {
        auto job = reports->print(m1, roster(false), 1, PrintMedium::Printer, 7);
        BV_VERIFY_OK(job);
        QCOMPARE(job->copies.first().validUntil, QDate(2026, 3, 9));
        BV_COMPARE_CODE(reports->print(m1, roster(false), 1, PrintMedium::Printer, 366), ErrorCode::InvalidInput);
        BV_VERIFY_OK(SettingsWriter::setAs(t->core->settings(), Actor::system(),
            QString::fromLatin1(settings::ReportPeriodDays), QStringLiteral("10")));
        BV_VERIFY_OK(reports->finishPrint(m1, job->serial, true, 1));
        auto other = reports->print(m1, roster(false), 1, PrintMedium::Printer);
        BV_VERIFY_OK(other);
        QCOMPARE(other->copies.first().validUntil, QDate(2026, 3, 12));
        BV_COMPARE_CODE(SettingsWriter::setAs(t->core->settings(), Actor::system(),
                            QString::fromLatin1(settings::ReportPeriodDays), QStringLiteral("0")),
            ErrorCode::InvalidInput);
    }

    void reprintContinuesTheCopyNumbers()
    {
        auto job = reports->print(m1, roster(false), 2, PrintMedium::Printer);
        BV_VERIFY_OK(job);
        QCOMPARE(job->copies.size(), 2);
        QCOMPARE(job->copies[0].copyLabel, QStringLiteral("Original"));
        QCOMPARE(job->copies[1].copy, 2);
        QCOMPARE(job->copies[1].copyLabel, QStringLiteral("Copy 2"));
        // not while the first print is still printing
        BV_COMPARE_CODE(reports->reprint(m1, job->serial, 1, PrintMedium::Printer), ErrorCode::Conflict);
        BV_VERIFY_OK(reports->finishPrint(m1, job->serial, true, 2));

        auto again = reports->reprint(m1, job->serial, 2, PrintMedium::Printer);
        BV_VERIFY_OK(again);
        QCOMPARE(again->serial, job->serial);
        QCOMPARE(again->copies.size(), 2);
        QCOMPARE(again->copies[0].copy, 3);
        QCOMPARE(again->copies[0].copyLabel, QStringLiteral("Copy 3"));
        QCOMPARE(again->copies[1].copy, 4);
        QCOMPARE(again->copies[0].validUntil, job->copies[0].validUntil);
        // built again from the stored parameters
        QCOMPARE(again->document.parameters.size(), 1);
        QCOMPARE(again->document.parameters.first().value, QStringLiteral("false"));
        // the outcome of the reprint is its own: the first two copies stay printed
        BV_VERIFY_OK(reports->finishPrint(m1, job->serial, false, 0, QStringLiteral("toner")));
        QCOMPARE(copyOf(job->serial, 1).state, PrintCopyState::Printed);
        QCOMPARE(copyOf(job->serial, 2).state, PrintCopyState::Printed);
        QCOMPARE(copyOf(job->serial, 3).state, PrintCopyState::Failed);
        QCOMPARE(copyOf(job->serial, 4).state, PrintCopyState::Failed);
        auto third = reports->reprint(m1, job->serial, 1, PrintMedium::Printer);
        BV_VERIFY_OK(third);
        QCOMPARE(third->copies[0].copy, 5);
        QCOMPARE(reg->list(m1, PrintRegisterFilter {job->serial, false})->size(), 5);
        BV_COMPARE_CODE(
            reports->reprint(m1, QStringLiteral("PR-2026-999999"), 1, PrintMedium::Printer), ErrorCode::NotFound);
    }

    void reprintOfGradeOneNeedsANewGrant()
    {
        const qint64 first = grant(m1, m2, kRoster, RequestType::Print);
        QVERIFY(first > 0);
        auto job = reports->print(m1, roster(true), 1, PrintMedium::Printer);
        BV_VERIFY_OK(job);
        BV_VERIFY_OK(reports->finishPrint(m1, job->serial, true, 1));
        BV_COMPARE_CODE(reports->reprint(m1, job->serial, 1, PrintMedium::Printer), ErrorCode::PermissionDenied);
        const qint64 second = grant(m1, m2, kRoster, RequestType::Print);
        QVERIFY(second > 0);
        auto copy = reports->reprint(m1, job->serial, 1, PrintMedium::Printer);
        BV_VERIFY_OK(copy);
        QCOMPARE(copy->copies.first().copy, 2);
        QCOMPARE(statusOf(second), RequestStatus::Used);
        QCOMPARE(copyOf(job->serial, 2).requestId, second);
        // a failed reprint gives back its own grant only
        BV_VERIFY_OK(reports->finishPrint(m1, job->serial, false, 0, QStringLiteral("jam")));
        QCOMPARE(statusOf(second), RequestStatus::Approved);
        QCOMPARE(statusOf(first), RequestStatus::Used);
    }

    void dataSubjectReportNeedsAGrantForItsCustomer()
    {
        BV_COMPARE_CODE(reports->print(cm1, subject(QStringLiteral("C0001")), 1, PrintMedium::Printer),
            ErrorCode::PermissionDenied);
        const qint64 id = grant(cm1, m1, kDataSubject, RequestType::Print, {QStringLiteral("C0001")});
        QVERIFY(id > 0);
        auto job = reports->print(cm1, subject(QStringLiteral("c0001")), 1, PrintMedium::Printer);
        BV_VERIFY_OK(job);
        QCOMPARE(statusOf(id), RequestStatus::Used);
        QCOMPARE(auditRows(audit::ReportPrint).last().customerNo, QStringLiteral("C0001"));
        BV_COMPARE_CODE(reports->print(cm1, subject(QString()), 1, PrintMedium::Printer), ErrorCode::InvalidInput);
    }

    void pageCodesVerifyInTrace()
    {
        auto job = reports->print(m1, roster(false), 2, PrintMedium::Printer);
        BV_VERIFY_OK(job);
        auto codes = reports->pageCodes(m1, job->serial, 2, 3);
        BV_VERIFY_OK(codes);
        QCOMPARE(codes->size(), 3);
        for (int page = 1; page <= 3; ++page) {
            const QStringList parts = codes->at(page - 1).split(QLatin1Char('|'));
            QCOMPARE(parts.size(), 5);
            QCOMPARE(parts[0], QStringLiteral("BVP1"));
            QCOMPARE(parts[1], job->serial);
            QCOMPARE(parts[2], QStringLiteral("2"));
            QCOMPARE(parts[3], QString::number(page));
            QCOMPARE(parts[4].size(), 16);
        }
        // the same page always gets the same code; another copy another one
        QCOMPARE(reports->pageCodes(m1, job->serial, 2, 3)->at(0), codes->at(0));
        QVERIFY(reports->pageCodes(m1, job->serial, 1, 1)->at(0) != codes->at(0));
        QCOMPARE(auditCount(audit::ReportPageCodes), 3);
        // only the account that prints it, only while it prints
        BV_COMPARE_CODE(reports->pageCodes(m2, job->serial, 2, 3), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(reports->pageCodes(m1, job->serial, 3, 3), ErrorCode::NotFound);
        BV_VERIFY_OK(reports->finishPrint(m1, job->serial, true, 3));
        BV_COMPARE_CODE(reports->pageCodes(m1, job->serial, 2, 3), ErrorCode::Conflict);

        const int traces = auditCount(audit::ReportTrace);
        auto genuine = reg->trace(au, codes->at(1));
        BV_VERIFY_OK(genuine);
        QCOMPARE(genuine->verdict, PrintTrace::Verdict::Genuine);
        QCOMPARE(genuine->page, 2);
        QCOMPARE(genuine->copy.serial, job->serial);
        QCOMPARE(genuine->copy.copy, 2);
        QCOMPARE(genuine->copy.printedBy, QStringLiteral("m1"));
        QCOMPARE(genuine->copy.pages, 3);
        QVERIFY2(genuine->message.startsWith(QStringLiteral("Genuine")), qPrintable(genuine->message));
        // the branch manager traces too
        QCOMPARE(reg->trace(m2, codes->at(0))->verdict, PrintTrace::Verdict::Genuine);

        // another page number under the same check value
        QStringList parts = codes->at(1).split(QLatin1Char('|'));
        parts[3] = QStringLiteral("3");
        auto tampered = reg->trace(au, parts.join(QLatin1Char('|')));
        BV_VERIFY_OK(tampered);
        QCOMPARE(tampered->verdict, PrintTrace::Verdict::MacMismatch);
        QVERIFY(!tampered->message.isEmpty());
        // one character of the check value changed
        parts = codes->at(1).split(QLatin1Char('|'));
        parts[4][0] = parts[4][0] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QCOMPARE(reg->trace(au, parts.join(QLatin1Char('|')))->verdict, PrintTrace::Verdict::MacMismatch);
        // a check value of another length (a forger's guess)
        QCOMPARE(reg->trace(au, QStringLiteral("BVP1|%1|1|1|00000000000000000000").arg(job->serial))->verdict,
            PrintTrace::Verdict::MacMismatch);
        // a well-formed code for a serial this branch never printed
        parts = codes->at(1).split(QLatin1Char('|'));
        parts[1] = QStringLiteral("PR-2026-999999");
        QCOMPARE(reg->trace(au, parts.join(QLatin1Char('|')))->verdict, PrintTrace::Verdict::UnknownSerial);
        // garbage
        for (const QString& garbage : {QStringLiteral("hello"), QStringLiteral("https://example.com/x"),
                 QStringLiteral("BVP1|x|1|1|AAAAAAAAAAAAAAAA"), QString()}) {
            auto other = reg->trace(au, garbage);
            BV_VERIFY_OK(other);
            QCOMPARE(other->verdict, PrintTrace::Verdict::NotBranchVault);
        }
        // a typed serial, with and without the copy
        auto typed = reg->trace(au, job->serial.toLower());
        BV_VERIFY_OK(typed);
        QCOMPARE(typed->verdict, PrintTrace::Verdict::Genuine);
        QCOMPARE(typed->copies.size(), 2);
        auto typedCopy = reg->trace(au, job->serial + QStringLiteral("/2"));
        QCOMPARE(typedCopy->copies.size(), 1);
        QCOMPARE(typedCopy->copy.copy, 2);
        QCOMPARE(reg->trace(au, QStringLiteral("PR-2026-000099"))->verdict, PrintTrace::Verdict::UnknownSerial);
        QCOMPARE(auditCount(audit::ReportTrace), traces + 13);
        const QJsonObject d = details(auditRows(audit::ReportTrace).at(traces));
        QCOMPARE(d.value(QStringLiteral("verdict")).toString(), QStringLiteral("genuine"));
        QCOMPARE(d.value(QStringLiteral("page")).toInt(), 2);
        // the customer manager does not trace
        BV_COMPARE_CODE(reg->trace(cm1, codes->at(1)), ErrorCode::PermissionDenied);
    }

    // ---- the register's lifecycle ----

    void receiveNeedsTheRecipientsPassword()
    {
        const QString serial = printedRoster();
        QVERIFY(!serial.isEmpty());
        const qint64 before = failedAttempts(QStringLiteral("cm1"));
        BV_COMPARE_CODE(reg->receive(m1, serial, 1, QStringLiteral("cm1"), secret(QStringLiteral("wrong-pass-1"))),
            ErrorCode::AuthenticationFailed);
        QCOMPARE(failedAttempts(QStringLiteral("cm1")), before + 1);
        QCOMPARE(copyOf(serial, 1).state, PrintCopyState::Printed);
        const AuditRow failure = auditRows(audit::ConfirmPerson).last();
        QCOMPARE(failure.outcome, QStringLiteral("failed"));
        QCOMPARE(
            details(failure).value(QStringLiteral("purpose")).toString(), QString::fromLatin1(audit::PrintReceive));
        BV_COMPARE_CODE(reg->receive(m1, serial, 1, QStringLiteral("nobody"), secret(QStringLiteral("x1234567"))),
            ErrorCode::AuthenticationFailed);
        QCOMPARE(auditCount(audit::PrintReceive), 0);

        BV_VERIFY_OK(reg->receive(m1, serial, 1, QStringLiteral("cm1"), secret(t->passwordOf(QStringLiteral("cm1")))));
        const PrintCopy received = copyOf(serial, 1);
        QCOMPARE(received.state, PrintCopyState::Received);
        QCOMPARE(received.holder, QStringLiteral("cm1"));
        QCOMPARE(received.events.last().kind, PrintEventKind::Received);
        QCOMPARE(received.events.last().by, QStringLiteral("m1"));
        QCOMPARE(received.events.last().person, QStringLiteral("cm1"));
        QCOMPARE(failedAttempts(QStringLiteral("cm1")), 0);
        QCOMPARE(auditCount(audit::PrintReceive), 1);
        QCOMPARE(details(auditRows(audit::PrintReceive).first()).value(QStringLiteral("recipient")).toString(),
            QStringLiteral("cm1"));
        QCOMPARE(auditRows(audit::ConfirmPerson).last().outcome, QStringLiteral("ok"));
        QCOMPARE(auditRows(audit::ConfirmPerson).last().login, QStringLiteral("cm1"));

        // the recorder receives it with their own password typed again; an auditor may not hold customer data
        BV_VERIFY_OK(reg->receive(m1, serial, 1, QStringLiteral("m1"), secret(t->passwordOf(QStringLiteral("m1")))));
        QCOMPARE(copyOf(serial, 1).holder, QStringLiteral("m1"));
        BV_COMPARE_CODE(reg->receive(m1, serial, 1, QStringLiteral("au"), secret(t->passwordOf(QStringLiteral("au")))),
            ErrorCode::InvalidInput);
    }

    void aSecondPersonWithAnAuthenticatorTypesItsCode()
    {
        // the witness, an auditor, enrols a second factor: the password alone no longer confirms them
        auto enrolment = t->core->auth().beginSecondFactor(au);
        BV_VERIFY_OK(enrolment);
        auto key = Totp::base32Decode(enrolment->secretBase32.view());
        BV_VERIFY_OK(key);
        const auto codeNow
            = [&] { return QString::fromLatin1(Totp::codeAt(*key, t->clock.nowUtc().toSecsSinceEpoch())); };
        BV_VERIFY_OK(t->core->auth().confirmSecondFactor(au, codeNow()));
        t->clock.advanceSecs(60);
        const QString serial = printedRoster();
        QVERIFY(!serial.isEmpty());
        const SecureBytes password = secret(t->passwordOf(QStringLiteral("au")));
        BV_COMPARE_CODE(reg->destroy(m1, serial, 1, QStringLiteral("au"), password, QStringLiteral("shredded")),
            ErrorCode::SecondFactorRequired);
        BV_COMPARE_CODE(
            reg->destroy(m1, serial, 1, QStringLiteral("au"), password, QStringLiteral("shredded"),
                QStringLiteral("000000") == codeNow() ? QStringLiteral("111111") : QStringLiteral("000000")),
            ErrorCode::AuthenticationFailed);
        QCOMPARE(failedAttempts(QStringLiteral("au")), 1);
        const AuditRow wrongCode = auditRows(audit::ConfirmPerson).last();
        QCOMPARE(wrongCode.outcome, QStringLiteral("failed"));
        QCOMPARE(details(wrongCode).value(QStringLiteral("reason")).toString(), QStringLiteral("wrong second factor"));
        QCOMPARE(copyOf(serial, 1).state, PrintCopyState::Printed);

        const QString code = codeNow();
        BV_VERIFY_OK(reg->destroy(m1, serial, 1, QStringLiteral("au"), password, QStringLiteral("shredded"), code));
        QCOMPARE(copyOf(serial, 1).state, PrintCopyState::Destroyed);
        QCOMPARE(details(auditRows(audit::ConfirmPerson).last()).value(QStringLiteral("secondFactor")).toBool(), true);
        // the same code does not confirm twice
        const QString other = printedRoster();
        QVERIFY(!other.isEmpty());
        BV_COMPARE_CODE(reg->destroy(m1, other, 1, QStringLiteral("au"), password, QStringLiteral("shredded"), code),
            ErrorCode::AuthenticationFailed);
    }

    void wrongConfirmationPasswordsLockTheAccount()
    {
        const QString serial = printedRoster();
        QVERIFY(!serial.isEmpty());
        for (int i = 0; i < 4; ++i)
            BV_COMPARE_CODE(reg->receive(m1, serial, 1, QStringLiteral("cm2"), secret(QStringLiteral("wrong-pass-1"))),
                ErrorCode::AuthenticationFailed);
        BV_COMPARE_CODE(reg->receive(m1, serial, 1, QStringLiteral("cm2"), secret(QStringLiteral("wrong-pass-1"))),
            ErrorCode::AccountLocked);
        // locked: even the right password is refused now, and cm2 cannot sign in
        BV_COMPARE_CODE(
            reg->receive(m1, serial, 1, QStringLiteral("cm2"), secret(t->passwordOf(QStringLiteral("cm2")))),
            ErrorCode::AccountLocked);
        BV_COMPARE_CODE(t->signIn(QStringLiteral("cm2")), ErrorCode::AccountLocked);
        QVERIFY(auditCount(audit::Lockout) >= 1);
    }

    void lendingIsAtMostThreeDays()
    {
        const QString serial = printedRoster();
        QVERIFY(!serial.isEmpty());
        const QDateTime now = t->clock.nowUtc();
        auto tooLong
            = reg->lend(m1, serial, 1, QStringLiteral("Li Wei, head office inspection"), now.addDays(4), QString());
        BV_COMPARE_CODE(tooLong, ErrorCode::InvalidInput);
        QVERIFY2(tooLong.error().message.contains(QStringLiteral("three days")), qPrintable(tooLong.error().message));
        BV_COMPARE_CODE(reg->lend(m1, serial, 1, QStringLiteral("Li Wei"), now.addSecs(3 * 86400 + 1), QString()),
            ErrorCode::InvalidInput);
        BV_COMPARE_CODE(
            reg->lend(m1, serial, 1, QStringLiteral("Li Wei"), now.addSecs(-60), QString()), ErrorCode::InvalidInput);
        BV_COMPARE_CODE(reg->lend(m1, serial, 1, QString(), now.addDays(1), QString()), ErrorCode::InvalidInput);
        // no ID number in the borrower or the note
        BV_COMPARE_CODE(
            reg->lend(m1, serial, 1, QStringLiteral("Li Wei 110105199003071234"), now.addDays(1), QString()),
            ErrorCode::InvalidInput);
        QCOMPARE(auditCount(audit::PrintLend), 0);

        BV_VERIFY_OK(reg->lend(m1, serial, 1, QStringLiteral("Li Wei"), now.addDays(3), QStringLiteral("inspection")));
        PrintCopy lent = copyOf(serial, 1);
        QCOMPARE(lent.state, PrintCopyState::Lent);
        QCOMPARE(lent.holder, QStringLiteral("Li Wei"));
        QCOMPARE(lent.lentUntilUtc, now.addDays(3));
        QVERIFY(!lent.overdue);
        BV_COMPARE_CODE(
            reg->lend(m1, serial, 1, QStringLiteral("Zhang"), now.addDays(1), QString()), ErrorCode::Conflict);
        BV_VERIFY_OK(reg->giveBack(m1, serial, 1, QString()));
        QCOMPARE(copyOf(serial, 1).state, PrintCopyState::Printed);
        BV_COMPARE_CODE(reg->giveBack(m1, serial, 1, QString()), ErrorCode::Conflict);
        QCOMPARE(auditCount(audit::PrintLend), 1);
        QCOMPARE(auditCount(audit::PrintReturn), 1);
        const QJsonObject d = details(auditRows(audit::PrintLend).first());
        QCOMPARE(d.value(QStringLiteral("serial")).toString(), serial);
        QCOMPARE(d.value(QStringLiteral("copy")).toInt(), 1);

        // a received copy goes back to its keeper when it is returned
        BV_VERIFY_OK(reg->receive(m1, serial, 1, QStringLiteral("m2"), secret(t->passwordOf(QStringLiteral("m2")))));
        BV_VERIFY_OK(reg->lend(m1, serial, 1, QStringLiteral("Li Wei"), now.addDays(1), QString()));
        BV_VERIFY_OK(reg->giveBack(m1, serial, 1, QStringLiteral("complete")));
        QCOMPARE(copyOf(serial, 1).state, PrintCopyState::Received);
        QCOMPARE(copyOf(serial, 1).holder, QStringLiteral("m2"));
    }

    void destructionNeedsASecondPersonAsWitness()
    {
        const QString serial = printedRoster();
        QVERIFY(!serial.isEmpty());
        const QString shredded = QStringLiteral("shredded");
        // without a witness
        BV_COMPARE_CODE(reg->destroy(m1, serial, 1, QString(), SecureBytes(), shredded), ErrorCode::InvalidInput);
        // self as witness (before any password is checked)
        BV_COMPARE_CODE(
            reg->destroy(m1, serial, 1, QStringLiteral("m1"), secret(t->passwordOf(QStringLiteral("m1"))), shredded),
            ErrorCode::InvalidInput);
        // a customer manager is no witness, even with the right password
        auto cmWitness = reg->destroy(
            m1, serial, 1, QStringLiteral("cm1"), secret(t->passwordOf(QStringLiteral("cm1"))), shredded);
        BV_COMPARE_CODE(cmWitness, ErrorCode::InvalidInput);
        QVERIFY2(cmWitness.error().message.contains(QStringLiteral("witness")), qPrintable(cmWitness.error().message));
        // a witness with the wrong password
        BV_COMPARE_CODE(
            reg->destroy(m1, serial, 1, QStringLiteral("m2"), secret(QStringLiteral("wrong-pass-1")), shredded),
            ErrorCode::AuthenticationFailed);
        // without saying how
        BV_COMPARE_CODE(
            reg->destroy(m1, serial, 1, QStringLiteral("m2"), secret(t->passwordOf(QStringLiteral("m2"))), QString()),
            ErrorCode::InvalidInput);
        // not while it is lent out
        BV_VERIFY_OK(reg->lend(m1, serial, 1, QStringLiteral("Li Wei"), t->clock.nowUtc().addDays(1), QString()));
        BV_COMPARE_CODE(
            reg->destroy(m1, serial, 1, QStringLiteral("m2"), secret(t->passwordOf(QStringLiteral("m2"))), shredded),
            ErrorCode::Conflict);
        BV_VERIFY_OK(reg->giveBack(m1, serial, 1, QString()));
        // the customer manager does not record destructions
        BV_COMPARE_CODE(
            reg->destroy(cm1, serial, 1, QStringLiteral("m2"), secret(t->passwordOf(QStringLiteral("m2"))), shredded),
            ErrorCode::PermissionDenied);
        QCOMPARE(auditCount(audit::PrintDestroy), 0);

        BV_VERIFY_OK(
            reg->destroy(m1, serial, 1, QStringLiteral("m2"), secret(t->passwordOf(QStringLiteral("m2"))), shredded));
        PrintCopy destroyed = copyOf(serial, 1);
        QCOMPARE(destroyed.state, PrintCopyState::Destroyed);
        QCOMPARE(destroyed.events.last().kind, PrintEventKind::Destroyed);
        QCOMPARE(destroyed.events.last().person, QStringLiteral("m2"));
        QCOMPARE(destroyed.events.last().note, shredded);
        QCOMPARE(auditCount(audit::PrintDestroy), 1);
        QCOMPARE(details(auditRows(audit::PrintDestroy).first()).value(QStringLiteral("witness")).toString(),
            QStringLiteral("m2"));

        // destroyed is final
        BV_COMPARE_CODE(reg->lend(m1, serial, 1, QStringLiteral("Li Wei"), t->clock.nowUtc().addDays(1), QString()),
            ErrorCode::Conflict);
        BV_COMPARE_CODE(
            reg->receive(m1, serial, 1, QStringLiteral("cm1"), secret(t->passwordOf(QStringLiteral("cm1")))),
            ErrorCode::Conflict);
        BV_COMPARE_CODE(
            reg->destroy(m1, serial, 1, QStringLiteral("au"), secret(t->passwordOf(QStringLiteral("au"))), shredded),
            ErrorCode::Conflict);
        auto open = reg->list(m1, PrintRegisterFilter {QString(), true});
        BV_VERIFY_OK(open);
        QVERIFY(open->isEmpty());

        // an auditor witnesses too
        const QString other = printedRoster();
        BV_VERIFY_OK(
            reg->destroy(m1, other, 1, QStringLiteral("au"), secret(t->passwordOf(QStringLiteral("au"))), shredded));
    }

    void customerManagersRecordOnlyTheirOwnCopies()
    {
        const QString managers = printedRoster();
        QVERIFY(!managers.isEmpty());
        const int denials = auditCount(audit::AccessDenied);
        BV_COMPARE_CODE(reg->lend(cm1, managers, 1, QStringLiteral("Li Wei"), t->clock.nowUtc().addDays(1), QString()),
            ErrorCode::PermissionDenied);
        QCOMPARE(auditCount(audit::AccessDenied), denials + 1);

        const qint64 id = grant(cm1, m1, kDataSubject, RequestType::Print, {QStringLiteral("C0001")});
        QVERIFY(id > 0);
        auto job = reports->print(cm1, subject(QStringLiteral("C0001")), 1, PrintMedium::Printer);
        BV_VERIFY_OK(job);
        BV_VERIFY_OK(reports->finishPrint(cm1, job->serial, true, 5));
        BV_COMPARE_CODE(reg->handOver(cm2, job->serial, 1, QString()), ErrorCode::PermissionDenied);
        // a grade-1 printout is not signed for by another customer manager
        BV_COMPARE_CODE(
            reg->receive(cm1, job->serial, 1, QStringLiteral("cm2"), secret(t->passwordOf(QStringLiteral("cm2")))),
            ErrorCode::InvalidInput);
        BV_COMPARE_CODE(reg->handOver(m1, managers, 1, QString()), ErrorCode::Conflict); // not a data-subject report
        BV_VERIFY_OK(reg->handOver(cm1, job->serial, 1, QStringLiteral("handed over at the counter")));
        QCOMPARE(copyOf(job->serial, 1).state, PrintCopyState::HandedOver);
        QCOMPARE(auditCount(audit::PrintHandOver), 1);
        // it left the branch: nothing more to record
        BV_COMPARE_CODE(
            reg->lend(cm1, job->serial, 1, QStringLiteral("Li Wei"), t->clock.nowUtc().addDays(1), QString()),
            ErrorCode::Conflict);
        // the customer manager does not read the register
        BV_COMPARE_CODE(reg->list(cm1), ErrorCode::PermissionDenied);
    }

    void alertsForOverdueLendingsPastPeriodAndUnfinishedPrints()
    {
        auto shortLived = reports->print(m1, roster(false), 1, PrintMedium::Printer, 1);
        BV_VERIFY_OK(shortLived);
        BV_VERIFY_OK(reports->finishPrint(m1, shortLived->serial, true, 1));
        const QString lentOut = printedRoster();
        BV_VERIFY_OK(reg->lend(m1, lentOut, 1, QStringLiteral("Li Wei"), t->clock.nowUtc().addDays(1), QString()));
        auto unfinished = reports->print(m1, roster(false), 1, PrintMedium::Printer);
        BV_VERIFY_OK(unfinished);
        auto none = reg->alerts(m1);
        BV_VERIFY_OK(none);
        QVERIFY(none->isEmpty());

        t->clock.advanceDays(2);
        signInAgain();
        auto alerts = reg->alerts(m1);
        BV_VERIFY_OK(alerts);
        QCOMPARE(alerts->size(), 3);
        QMap<PrintAlert::Kind, PrintAlert> byKind;
        for (const PrintAlert& alert : *alerts)
            byKind.insert(alert.kind, alert);
        QVERIFY(byKind.contains(PrintAlert::Kind::OverdueLending));
        QCOMPARE(byKind[PrintAlert::Kind::OverdueLending].serial, lentOut);
        QVERIFY(byKind[PrintAlert::Kind::OverdueLending].message.contains(QStringLiteral("Li Wei")));
        QVERIFY(byKind.contains(PrintAlert::Kind::PastPeriodOfUse));
        QCOMPARE(byKind[PrintAlert::Kind::PastPeriodOfUse].serial, shortLived->serial);
        QVERIFY(byKind.contains(PrintAlert::Kind::UnfinishedPrint));
        QCOMPARE(byKind[PrintAlert::Kind::UnfinishedPrint].serial, unfinished->serial);
        QVERIFY(copyOf(lentOut, 1).overdue);
        QVERIFY(copyOf(shortLived->serial, 1).pastPeriod);
        QCOMPARE(auditCount(audit::PrintAlerts), 2);
        // the auditor sees them too, in the register and among the audit alerts
        BV_VERIFY_OK(reg->alerts(au));
        auto auditAlerts = t->core->audit().alerts(au, t->clock.nowUtc().addDays(-7), t->clock.nowUtc());
        BV_VERIFY_OK(auditAlerts);
        QStringList kinds;
        for (const AuditAlert& alert : *auditAlerts)
            kinds << alert.kind;
        QVERIFY2(kinds.contains(QStringLiteral("print_overdue")), qPrintable(kinds.join(QLatin1Char(','))));
        QVERIFY(kinds.contains(QStringLiteral("print_past_period")));
        QVERIFY(kinds.contains(QStringLiteral("print_unfinished")));
        BV_COMPARE_CODE(reg->alerts(cm1), ErrorCode::PermissionDenied);

        // returned and destroyed: no more alerts
        BV_VERIFY_OK(reg->giveBack(m1, lentOut, 1, QString()));
        BV_VERIFY_OK(reg->destroy(m1, shortLived->serial, 1, QStringLiteral("m2"),
            secret(t->passwordOf(QStringLiteral("m2"))), QStringLiteral("shredded")));
        BV_VERIFY_OK(reports->finishPrint(m1, unfinished->serial, false, 0, QStringLiteral("program stopped")));
        QVERIFY(reg->alerts(m1)->isEmpty());
    }

    void verifyNamesAnEditedRow()
    {
        const QString serial = printedRoster(2);
        QVERIFY(!serial.isEmpty());
        BV_VERIFY_OK(reg->lend(m1, serial, 2, QStringLiteral("Li Wei"), t->clock.nowUtc().addDays(1), QString()));
        BV_VERIFY_OK(reg->giveBack(m1, serial, 2, QString()));
        BV_VERIFY_OK(reg->verify(m1));
        BV_VERIFY_OK(reg->verify(au));
        QCOMPARE(details(auditRows(audit::PrintVerify).last()).value(QStringLiteral("rowsChecked")).toInt(), 6);

        Database& db = internalsOf(*t->core).database();
        // the triggers refuse edits
        QVERIFY(!db.exec(QStringLiteral("UPDATE print_events SET note = 'x'")).ok());
        QVERIFY(!db.exec(QStringLiteral("DELETE FROM print_copies")).ok());
        QVERIFY(!db.exec(QStringLiteral("UPDATE print_copies SET title = 'x'")).ok());
        QVERIFY(!db.exec(QStringLiteral("DELETE FROM print_events")).ok());
        // someone with the database key drops them and edits the lending's due time
        BV_VERIFY_OK(db.execScript(QStringLiteral("DROP TRIGGER print_events_never_changed; "
                                                  "DROP TRIGGER print_copies_never_changed;")));
        auto seq = db.scalar(QStringLiteral("SELECT seq FROM print_events WHERE kind = 'lent'"));
        BV_VERIFY_OK(seq);
        BV_VERIFY_OK(db.exec(QStringLiteral("UPDATE print_events SET due = '2026-03-10T09:00:00.000Z' WHERE seq = ?"),
            {seq->toLongLong()}));
        auto broken = reg->verify(m1);
        BV_COMPARE_CODE(broken, ErrorCode::Damaged);
        QVERIFY2(broken.error().message.contains(QStringLiteral("register row %1").arg(seq->toLongLong())),
            qPrintable(broken.error().message));
        QVERIFY2(broken.error().message.contains(QStringLiteral("lent")), qPrintable(broken.error().message));
        QCOMPARE(auditRows(audit::PrintVerify).last().outcome, QStringLiteral("failed"));

        // an earlier edit is named first: the second copy's row
        BV_VERIFY_OK(
            db.exec(QStringLiteral(
                        "UPDATE print_copies SET parameters = 'with_identities: true' WHERE serial = ? AND copy = 2"),
                {serial}));
        auto earlier = reg->verify(m1);
        BV_COMPARE_CODE(earlier, ErrorCode::Damaged);
        QVERIFY2(earlier.error().message.contains(QStringLiteral("copy %1/2 (register row 2)").arg(serial)),
            qPrintable(earlier.error().message));
    }

    void verifyNamesADeletedRow()
    {
        const QString serial = printedRoster(2);
        QVERIFY(!serial.isEmpty());
        BV_VERIFY_OK(reg->receive(m1, serial, 1, QStringLiteral("m2"), secret(t->passwordOf(QStringLiteral("m2")))));
        Database& db = internalsOf(*t->core).database();
        BV_VERIFY_OK(db.execScript(QStringLiteral("DROP TRIGGER print_events_never_deleted;")));
        // the first copy's "printed" event (row 3) disappears
        BV_VERIFY_OK(db.exec(QStringLiteral("DELETE FROM print_events WHERE seq = 3")));
        auto broken = reg->verify(m1);
        BV_COMPARE_CODE(broken, ErrorCode::Damaged);
        QVERIFY2(broken.error().message.contains(QStringLiteral("register row 3 is missing")),
            qPrintable(broken.error().message));
    }

    // The newest printout's rows deleted (its copies and events): the chain still links up, the audit log's
    // report.print row names the serial, and the serial is not given out again.
    void verifyNamesTheNewestPrintoutDeleted()
    {
        const QString first = printedRoster(1);
        const QString newest = printedRoster(1);
        QVERIFY(!first.isEmpty() && !newest.isEmpty() && first != newest);
        BV_VERIFY_OK(reg->verify(m1));
        Database& db = internalsOf(*t->core).database();
        BV_VERIFY_OK(db.execScript(
            QStringLiteral("DROP TRIGGER print_events_never_deleted; DROP TRIGGER print_copies_never_deleted;")));
        BV_VERIFY_OK(db.exec(QStringLiteral("DELETE FROM print_events WHERE serial = ?"), {newest}));
        BV_VERIFY_OK(db.exec(QStringLiteral("DELETE FROM print_copies WHERE serial = ?"), {newest}));
        auto broken = reg->verify(m1);
        BV_COMPARE_CODE(broken, ErrorCode::Damaged);
        QVERIFY2(broken.error().message.contains(newest), qPrintable(broken.error().message));
        const QString next = printedRoster(1);
        QVERIFY(!next.isEmpty());
        QVERIFY2(next > newest, qPrintable(next));
    }

    void theBorrowingAndDestructionRecordForm()
    {
        const QString serial = printedRoster(2);
        QVERIFY(!serial.isEmpty());
        BV_VERIFY_OK(reg->receive(m1, serial, 1, QStringLiteral("cm1"), secret(t->passwordOf(QStringLiteral("cm1")))));
        BV_VERIFY_OK(reg->lend(m1, serial, 1, QStringLiteral("Li Wei"), t->clock.nowUtc().addDays(1), QString()));
        BV_VERIFY_OK(reg->giveBack(m1, serial, 1, QString()));
        BV_VERIFY_OK(reg->destroy(m1, serial, 2, QStringLiteral("au"), secret(t->passwordOf(QStringLiteral("au"))),
            QStringLiteral("shredded")));

        auto auditor = internalsOf(*t->core).access().authorize(au, Operation::RunReport);
        BV_VERIFY_OK(auditor);
        ReportRequest request;
        request.report = QStringLiteral("print_register");
        auto form = buildPrintRegisterReport(*context, *auditor, request);
        BV_VERIFY_OK(form);
        QCOMPARE(form->reportKey, QStringLiteral("print_register"));
        QCOMPARE(form->title, QStringLiteral("Customer information borrowing and destruction record"));
        QCOMPARE(form->orientation, ReportOrientation::Landscape);
        QCOMPARE(form->highestGrade, 3);
        QCOMPARE(form->tables.size(), 1);
        const ReportTable& table = form->tables.first();
        QCOMPARE(table.rows.size(), 2);
        for (const QStringList& row : table.rows)
            QCOMPARE(row.size(), table.columns.size());
        QVERIFY(table.rows[0][0].startsWith(serial + QStringLiteral("/1")));
        QVERIFY2(table.rows[0][5].contains(QStringLiteral("cm1")), qPrintable(table.rows[0][5]));
        QVERIFY2(table.rows[0][6].contains(QStringLiteral("Li Wei")), qPrintable(table.rows[0][6]));
        QVERIFY2(table.rows[0][6].contains(QStringLiteral("returned")), qPrintable(table.rows[0][6]));
        QVERIFY(table.rows[0][7].isEmpty());
        QVERIFY2(table.rows[1][7].contains(QStringLiteral("witness au")), qPrintable(table.rows[1][7]));
        QVERIFY2(table.rows[1][7].contains(QStringLiteral("by m1")), qPrintable(table.rows[1][7]));
        QCOMPARE(table.rows[1][8], QStringLiteral("destroyed"));
        QCOMPARE(table.totals.size(), table.columns.size());

        ReportRequest openOnly = request;
        openOnly.parameters.insert(QStringLiteral("open_only"), QStringLiteral("true"));
        QCOMPARE(buildPrintRegisterReport(*context, *auditor, openOnly)->tables.first().rows.size(), 1);
        ReportRequest later = request;
        later.parameters.insert(QStringLiteral("from"), QStringLiteral("2026-03-03"));
        QCOMPARE(buildPrintRegisterReport(*context, *auditor, later)->tables.first().rows.size(), 0);
        later.parameters.insert(QStringLiteral("from"), QStringLiteral("03/03/2026"));
        BV_COMPARE_CODE(buildPrintRegisterReport(*context, *auditor, later), ErrorCode::InvalidInput);

        auto customerManager = internalsOf(*t->core).access().authorize(cm1, Operation::RunReport);
        BV_VERIFY_OK(customerManager);
        BV_COMPARE_CODE(buildPrintRegisterReport(*context, *customerManager, request), ErrorCode::PermissionDenied);
    }

    void labelsAreTranslatedTexts()
    {
        for (PrintCopyState state : {PrintCopyState::Printing, PrintCopyState::Failed, PrintCopyState::Printed,
                 PrintCopyState::Received, PrintCopyState::HandedOver, PrintCopyState::Lent, PrintCopyState::Destroyed})
            QVERIFY(!PrintRegister::stateLabel(state).isEmpty());
        for (PrintEventKind kind : {PrintEventKind::Printed, PrintEventKind::Failed, PrintEventKind::Received,
                 PrintEventKind::HandedOver, PrintEventKind::Lent, PrintEventKind::Returned, PrintEventKind::Destroyed})
            QVERIFY(!PrintRegister::eventLabel(kind).isEmpty());
    }

    void withoutBuildersNothingPrints()
    {
        context->builder = {};
        BV_COMPARE_CODE(reports->print(m1, roster(false), 1, PrintMedium::Printer), ErrorCode::Internal);
        QCOMPARE(auditCount(audit::ReportPrint), 0);
    }
};

QTEST_GUILESS_MAIN(TestPrintRegister)
#include "tst_printregister.moc"
