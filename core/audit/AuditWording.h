#pragma once

#include "core/audit/AuditRecords.h"
#include "core/audit/AuditService.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>

namespace bv {

// What the wording needs beyond a row: the staff accounts (AuditService::people) and the customers'
// stored masked names (AuditService::maskedCustomerNames). Both may be empty: the wording then names
// people by login and customers by number.
struct AuditDirectory
{
    void setPeople(const QList<AuditPerson>& people);
    const AuditPerson* person(qint64 id) const;
    const AuditPerson* personByLogin(const QString& login) const;

    QHash<qint64, AuditPerson> byId;
    QHash<QString, qint64> idByLogin; // lower-case login
    QHash<QString, QString> maskedNames; // customer number → stored masked name
};

// The audit log in plain words, in the current UI language (DESIGN §7; issue 13): every action, object
// type and detail key of the log has wording, so that a row reads as a sentence ("Zhang Wei (customer
// manager) opened the details of customer 0001-00000001 (张*丰) at 12:03"). One source for the auditor's
// log page (ui/audit) and the CLI's audit list. Rows hold masked values only; the wording shows them as
// they are and never looks a full value up.
//
// A new audit action (core/audit/AuditActions.h) gets its wording in ONE table: kActions in
// core/audit/AuditWordingTable.cpp (group, short label, sentence, sentence when it failed).
// tests/core/audit/tst_auditwording.cpp fails for an action of AuditActions.h without wording.
// Unknown actions (a newer database) fall back visibly to their raw name.
class AuditWording
{
    Q_DECLARE_TR_FUNCTIONS(AuditWording)
public:
    struct Group
    {
        QString key; // "session", "customers", ...
        QString label; // translated: "Sign-in and sessions"
        QStringList actions; // in table order
    };

    // Every action with wording, in table order, and the groups they form (for the action filter).
    static QStringList actions();
    static QList<Group> groups();
    static bool hasWording(const QString& action);

    // Short translated label of an action ("Customer details opened"); an unknown action: its raw name.
    static QString actionLabel(const QString& action);
    // The row as one sentence: who (name and role), what, which object, at what time (branch time).
    static QString sentence(const AuditRow& row, const AuditDirectory& directory);
    // "Zhang Wei (customer manager)"; the system; someone using a login who was not signed in.
    static QString personText(const AuditRow& row, const AuditDirectory& directory);
    // "customer 0001-00000001 (张*丰)", "Zhang Wei (zhangwei)", "special request no. 12", ...
    static QString objectText(const AuditRow& row, const AuditDirectory& directory);
    // One translated "key: value" line per detail; codes translated, masked values as they are.
    static QStringList detailLines(const AuditRow& row, const AuditDirectory& directory);
    static QString detailLabel(const QString& key); // an unknown key: the key itself

    // Translated role of a row (incl. the system and "not signed in"), outcome and branch time.
    static QString roleLabel(const QString& roleKey);
    static QString outcomeLabel(const QString& outcome);
    static QString clockText(const QDateTime& at); // branch time, HH:mm
    // "Zhang Wei (zhangwei)" for an account login; the login when the account is unknown.
    static QString accountText(const QString& login, const AuditDirectory& directory);
    // "customer 0001-00000001 (张*丰)", or without the name when none is known.
    static QString customerText(const QString& customerNo, const AuditDirectory& directory);

    // The customer numbers that the wording of these rows names (the rows' customer numbers and those in
    // their details), to look their masked names up once.
    static QStringList customerNumbersIn(const QList<AuditRow>& rows);

private:
    static QString codeLabel(const QString& code); // a code value ("wrong password") or the code itself
    static QString outcomeNote(const QString& sentence, const QString& outcome); // "… (failed)", "… (refused)"
    static QString valueText(
        const AuditRow& row, const QString& key, const QJsonValue& value, const AuditDirectory& directory);
};

} // namespace bv
