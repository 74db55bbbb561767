#include "core/internal/db/Migration.h"

#include "core/internal/db/Database.h"
#include "core/internal/db/QueryRows.h"
#include "core/internal/policy/StoredMasks.h"
#include "core/policy/MaskSettings.h"

#include <QDateTime>

namespace bv {

namespace {

// Earlier releases accepted mask widths that show the birth date in an ID number (mainland keep-start
// up to 14) or more of an address or e-mail than DESIGN §4 shows, and never re-masked what was stored
// under them. A width outside its floor is dropped (the default applies, as the settings service reads
// it), every stored masked form is narrowed to the widths now in force, and a re-mask from the values
// is left for the first key holder's sign-in (audited there).
Status maskFloorsMigration(Database& db)
{
    auto q = db.query(QStringLiteral("SELECT key, value FROM settings WHERE key LIKE 'mask.%'"));
    if (!q.ok())
        return q.error();
    QVariantMap stored;
    while (q->next())
        stored.insert(q->value(0).toString(), q->value(1).toString());
    BV_TRY(rowsFinished(*q, Reading::Settings));
    MaskSettings settings;
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const int maximum = MaskSettings::maximum(it.key());
        bool ok = false;
        const int value = it.value().toString().trimmed().toInt(&ok);
        if (maximum >= 0 && ok && value >= 0 && value <= maximum) {
            settings = settings.with(it.key(), value);
            continue;
        }
        if (maximum >= 0)
            BV_TRY(db.exec(QStringLiteral("DELETE FROM settings WHERE key = ?"), {it.key()}));
    }
    auto counts = StoredMasks::tighten(db, settings);
    if (!counts.ok())
        return counts.error();
    auto customers = db.scalar(QStringLiteral("SELECT count(*) FROM sealed_value WHERE owner_kind <> 'user'"));
    if (!customers.ok())
        return customers.error();
    if (customers->toLongLong() > 0)
        BV_TRY(StoredMasks::markPending(db, QDateTime::currentDateTimeUtc()));
    return {};
}

} // namespace

// BranchVault's schema as numbered migrations. Never edit a step that has shipped; add a new one.
const MigrationList& schemaMigrations()
{
    static const MigrationList migrations = {
        {1, QStringLiteral("database identity and wrapped keys"), sqlMigration(QStringLiteral(R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

-- Field-encryption and blind-index keys, each wrapped (XChaCha20-Poly1305) by the wrapping key held
-- in the keychain / key envelope. kek_id names the wrapping key (a keyed hash of it), so rows
-- wrapped by a retired wrapping key are recognised and removed after a rotation.
CREATE TABLE keyring (
    purpose    TEXT NOT NULL CHECK (purpose IN ('field', 'index')),
    kek_id     TEXT NOT NULL,
    generation INTEGER NOT NULL,
    nonce      BLOB NOT NULL,
    wrapped    BLOB NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (purpose, kek_id)
) STRICT;

-- Every grade-1 value, sealed at field level (core/keys/SealedValues): XChaCha20-Poly1305 with
-- associated data "bv1|owner_kind|owner_id|field"; beside it the masked form for display and a keyed
-- blind index of the normalised value for exact lookup. Opening this file with the database key alone
-- shows no full ID number, phone or account number.
CREATE TABLE sealed_value (
    owner_kind   TEXT NOT NULL,
    owner_id     INTEGER NOT NULL,
    field        TEXT NOT NULL,
    generation   INTEGER NOT NULL,
    sealed       BLOB NOT NULL,
    masked       TEXT NOT NULL,
    blind_domain TEXT,
    blind        BLOB,
    PRIMARY KEY (owner_kind, owner_id, field)
) STRICT, WITHOUT ROWID;
CREATE INDEX sealed_value_blind ON sealed_value (blind_domain, blind) WHERE blind IS NOT NULL;
)sql"))},
        {2, QStringLiteral("accounts, settings, audit log, special requests"), sqlMigration(QStringLiteral(R"sql(
-- Staff accounts. One role per account; accounts are frozen, never deleted.
CREATE TABLE users (
    id                   INTEGER PRIMARY KEY,
    login                TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name         TEXT NOT NULL,
    staff_no             TEXT NOT NULL,
    role                 TEXT NOT NULL CHECK (role IN ('admin', 'auditor', 'manager', 'customer_manager', 'clerk')),
    branch               TEXT NOT NULL,
    status               TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'frozen')),
    password_hash        TEXT NOT NULL,
    password_changed_at  TEXT NOT NULL,
    must_change_password INTEGER NOT NULL DEFAULT 1,
    failed_attempts      INTEGER NOT NULL DEFAULT 0,
    locked_until         TEXT,
    totp_enrolled        INTEGER NOT NULL DEFAULT 0,
    totp_last_step       INTEGER,
    created_at           TEXT NOT NULL,
    created_by           INTEGER REFERENCES users (id),
    frozen_at            TEXT,
    last_sign_in_at      TEXT
) STRICT;
CREATE INDEX users_staff_no ON users (staff_no);
CREATE TRIGGER users_never_deleted BEFORE DELETE ON users
BEGIN
    SELECT RAISE(ABORT, 'accounts are frozen, never deleted');
END;
-- Separation of duties at the lowest level: an account never moves into or out of admin/auditor.
CREATE TRIGGER users_privileged_role_fixed BEFORE UPDATE OF role ON users
WHEN OLD.role <> NEW.role AND (OLD.role IN ('admin', 'auditor') OR NEW.role IN ('admin', 'auditor'))
BEGIN
    SELECT RAISE(ABORT, 'admin and auditor roles cannot be changed');
END;

CREATE TABLE password_history (
    user_id       INTEGER NOT NULL REFERENCES users (id),
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX password_history_user ON password_history (user_id, created_at);

CREATE TABLE settings (
    key        TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES users (id)
) STRICT;

-- The audit log: append-only, hash-chained (core/audit/AuditService). Details hold field names and
-- masked values, never a full grade-1 value.
CREATE TABLE audit_log (
    seq          INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    workstation  TEXT NOT NULL,
    user_id      INTEGER,
    login        TEXT NOT NULL,
    role         TEXT NOT NULL,
    action       TEXT NOT NULL,
    object_type  TEXT NOT NULL,
    object_id    TEXT NOT NULL,
    customer_no  TEXT,
    outcome      TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
    details      TEXT NOT NULL,
    prev_hash    BLOB NOT NULL,
    hash         BLOB NOT NULL
) STRICT;
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_login ON audit_log (login, at);
CREATE INDEX audit_log_action ON audit_log (action, at);
CREATE INDEX audit_log_customer ON audit_log (customer_no, at) WHERE customer_no IS NOT NULL;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
-- Rows can only be deleted by a retention purge, which opens the gate with a cutoff inside its own
-- transaction; rows younger than the cutoff are never deleted.
CREATE TABLE audit_purge_gate (cutoff TEXT NOT NULL) STRICT;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN NOT EXISTS (SELECT 1 FROM audit_purge_gate WHERE OLD.at < cutoff)
BEGIN
    SELECT RAISE(ABORT, 'audit rows cannot be deleted');
END;
-- Where the chain starts after a purge: the first kept row and the hash it continues from.
CREATE TABLE audit_anchor (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    first_seq INTEGER NOT NULL,
    prev_hash BLOB NOT NULL
) STRICT;

-- Special requests (专项事务申请) and the grants they become when approved.
CREATE TABLE requests (
    id              INTEGER PRIMARY KEY,
    requester_id    INTEGER NOT NULL REFERENCES users (id),
    type            TEXT NOT NULL CHECK (type IN ('reveal', 'export', 'print', 'restricted_access')),
    scope           TEXT NOT NULL,
    purpose         TEXT NOT NULL CHECK (length(trim(purpose)) > 0),
    validity_hours  INTEGER NOT NULL CHECK (validity_hours BETWEEN 1 AND 72),
    status          TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'revoked', 'used', 'withdrawn')),
    created_at      TEXT NOT NULL,
    decided_by      INTEGER REFERENCES users (id),
    decided_at      TEXT,
    decision_reason TEXT,
    valid_from      TEXT,
    valid_until     TEXT,
    used_at         TEXT,
    revoked_by      INTEGER REFERENCES users (id),
    revoked_at      TEXT,
    revoke_reason   TEXT,
    CHECK (decided_by IS NULL OR decided_by <> requester_id)
) STRICT;
CREATE INDEX requests_requester ON requests (requester_id, status);
CREATE INDEX requests_status ON requests (status, created_at);
CREATE TABLE request_customers (
    request_id  INTEGER NOT NULL REFERENCES requests (id),
    customer_id INTEGER NOT NULL,
    PRIMARY KEY (request_id, customer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX request_customers_customer ON request_customers (customer_id);
)sql"))},
        {3, QStringLiteral("customers and their accounts"), sqlMigration(QStringLiteral(R"sql(
-- Personal customers. Grade-1 values (name, ID, birth date, phones, e-mail, address) are not here:
-- they are in sealed_value (owner_kind 'customer'). Grade 2 and 3 values are ordinary columns.
CREATE TABLE customers (
    id                 INTEGER PRIMARY KEY,
    customer_no        TEXT NOT NULL UNIQUE,
    branch             TEXT NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('pending', 'active', 'rejected', 'closed', 'anonymised')),
    manager_id         INTEGER REFERENCES users (id),
    custody_manager_id INTEGER REFERENCES users (id),
    custody_until      TEXT,
    restricted         INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)),
            tier               TEXT NOT NULL DEFAULT 'regular',
    tier_rank          INTEGER GENERATED ALWAYS AS (CASE tier WHEN 'regular' THEN 0 WHEN 'gold' THEN 1
                           WHEN 'platinum' THEN 2 WHEN 'diamond' THEN 3 ELSE 4 END) VIRTUAL,
    sex                TEXT,
    nationality        TEXT,
    age_band           TEXT,
    occupation         TEXT,
    employer           TEXT,
    income_band        TEXT,
    marital_status     TEXT,
    family             TEXT,
    risk_rating        TEXT,
    aum_cny            INTEGER,
    product_holdings   TEXT,
    created_at         TEXT NOT NULL,
    created_by         INTEGER REFERENCES users (id),
    updated_at         TEXT NOT NULL,
    approved_by        INTEGER REFERENCES users (id),
    approved_at        TEXT,
    closed_at          TEXT,
    retention_until    TEXT,
    anonymised_at      TEXT,
    version            INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX customers_manager ON customers (manager_id, customer_no);
CREATE INDEX customers_custody ON customers (custody_manager_id, customer_no) WHERE custody_manager_id IS NOT NULL;
-- tiers sort by rank, not by name
CREATE INDEX customers_tier_rank ON customers (tier_rank, customer_no);
-- the branch list's manager order; the expression must match CustomerFinder::branchList's key
CREATE INDEX customers_manager_sort ON customers (coalesce(manager_id, 0), customer_no);
CREATE INDEX customers_created ON customers (created_at, customer_no);
CREATE INDEX customers_status ON customers (status, customer_no);
CREATE INDEX customers_retention ON customers (retention_until) WHERE status = 'closed';

-- Bank accounts and cards of a customer; the number itself is sealed (owner_kind 'account').
CREATE TABLE accounts (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    type        TEXT NOT NULL,
    opened_on   TEXT,
    status      TEXT NOT NULL DEFAULT 'active',
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX accounts_customer ON accounts (customer_id);

-- Per-branch counter for customer numbers.
CREATE TABLE customer_numbers (
    branch TEXT PRIMARY KEY NOT NULL,
    next   INTEGER NOT NULL
) STRICT;

-- Maker-checker: every new record and every edit waits here until a manager who is not the maker
-- approves or rejects it. New grade-1 values are sealed under owner_kind 'change' (owner_id = this id);
-- grade 2/3 values are in `values_json`; `diff_json` lists the changed fields with masked old/new values.
CREATE TABLE customer_changes (
    id            INTEGER PRIMARY KEY,
    customer_id   INTEGER NOT NULL REFERENCES customers (id),
    kind          TEXT NOT NULL CHECK (kind IN ('create', 'edit')),
    status        TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    maker_id      INTEGER NOT NULL REFERENCES users (id),
    created_at    TEXT NOT NULL,
    base_version  INTEGER NOT NULL,
    values_json   TEXT NOT NULL,
    diff_json     TEXT NOT NULL,
    checker_id    INTEGER REFERENCES users (id),
    decided_at    TEXT,
    reason        TEXT,
    CHECK (checker_id IS NULL OR checker_id <> maker_id)
) STRICT;
-- the review inbox (pending, by id, paged with id > ?): only the pending rows, however long the history
CREATE INDEX customer_changes_pending ON customer_changes (id) WHERE status = 'pending';
CREATE INDEX customer_changes_customer ON customer_changes (customer_id, status);

-- History of approved changes: field names and masked values; old grade-1 values are sealed under
-- owner_kind 'history' (owner_id = this id) and visible only through a grant.
CREATE TABLE customer_history (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    change_id   INTEGER REFERENCES customer_changes (id),
    at          TEXT NOT NULL,
    kind        TEXT NOT NULL,
    actor_id    INTEGER REFERENCES users (id),
    diff_json   TEXT NOT NULL
) STRICT;
CREATE INDEX customer_history_customer ON customer_history (customer_id, at);

-- The same mobile or account number on two different customers: a pair for the manager to review.
CREATE TABLE suspicious_pairs (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('phone', 'account')),
    customer_a  INTEGER NOT NULL REFERENCES customers (id),
    customer_b  INTEGER NOT NULL REFERENCES customers (id),
    found_at    TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cleared')),
    cleared_by  INTEGER REFERENCES users (id),
    cleared_at  TEXT,
    reason      TEXT,
    CHECK (customer_a < customer_b),
    UNIQUE (kind, customer_a, customer_b)
) STRICT;

-- Assignment history: who owned the customer when (assign, transfer, custody, return, reclaim).
CREATE TABLE customer_assignments (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    kind        TEXT NOT NULL,
    from_id     INTEGER REFERENCES users (id),
    to_id       INTEGER REFERENCES users (id),
    until       TEXT,
    at          TEXT NOT NULL,
    by_id       INTEGER NOT NULL REFERENCES users (id),
    reason      TEXT
) STRICT;
CREATE INDEX customer_assignments_customer ON customer_assignments (customer_id, at);

-- A computed tier change waiting for the manager's confirmation.
CREATE TABLE tier_changes (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers (id),
    from_tier    TEXT NOT NULL,
    to_tier      TEXT NOT NULL,
    computed_at  TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'rejected')),
    decided_by   INTEGER REFERENCES users (id),
    decided_at   TEXT,
    reason       TEXT
) STRICT;
CREATE INDEX tier_changes_status ON tier_changes (status, computed_at);

-- Service records and complaints: contents are grade 2 (own manager and branch manager only).
CREATE TABLE service_records (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    served_on   TEXT NOT NULL,
    channel     TEXT NOT NULL,
    content     TEXT NOT NULL,
    by_id       INTEGER NOT NULL REFERENCES users (id),
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX service_records_customer ON service_records (customer_id, served_on);

CREATE TABLE complaints (
    id               INTEGER PRIMARY KEY,
    customer_id      INTEGER NOT NULL REFERENCES customers (id),
    received_at      TEXT NOT NULL,
    channel          TEXT NOT NULL,
    content          TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'investigating', 'answered', 'closed')),
    investigate_by   TEXT NOT NULL,
    answer_by        TEXT NOT NULL,
    investigated_at  TEXT,
    answered_at      TEXT,
    resolution       TEXT,
    recorded_by      INTEGER NOT NULL REFERENCES users (id),
    handled_by       INTEGER REFERENCES users (id)
) STRICT;
CREATE INDEX complaints_customer ON complaints (customer_id, received_at);
CREATE INDEX complaints_open ON complaints (status, answer_by) WHERE status <> 'closed';

-- Consent: every grant and every withdrawal is a new row, never an overwrite.
CREATE TABLE consents (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    purpose     TEXT NOT NULL CHECK (purpose IN ('processing', 'marketing')),
    action      TEXT NOT NULL CHECK (action IN ('given', 'withdrawn')),
    on_date     TEXT NOT NULL,
    channel     TEXT NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users (id),
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX consents_customer ON consents (customer_id, purpose, recorded_at);
CREATE TRIGGER consents_never_changed BEFORE UPDATE ON consents
BEGIN
    SELECT RAISE(ABORT, 'consent entries are never changed; record a withdrawal instead');
END;
CREATE TRIGGER consents_never_deleted BEFORE DELETE ON consents
BEGIN
    SELECT RAISE(ABORT, 'consent entries are never deleted; record a withdrawal instead');
END;

-- Controlled printing (DESIGN §8): every print is registered; destruction is recorded in the same register.
CREATE TABLE print_register (
    serial        TEXT PRIMARY KEY NOT NULL,
    report        TEXT NOT NULL,
    customer_id   INTEGER REFERENCES customers (id),
    requester_id  INTEGER NOT NULL REFERENCES users (id),
    approver_id   INTEGER REFERENCES users (id),
    request_id    INTEGER REFERENCES requests (id),
    copies        INTEGER NOT NULL,
    printed_at    TEXT NOT NULL,
    valid_until   TEXT,
    destroyed_at  TEXT,
    destroyed_by  INTEGER REFERENCES users (id),
    destroy_note  TEXT
) STRICT;
)sql"))},
        {4, QStringLiteral("the masked shared value of a suspicious pair"), sqlMigration(QStringLiteral(R"sql(
-- The masked form of the phone or account number two customers share (for the branch manager's list);
-- erased with the reason when either customer is anonymised.
ALTER TABLE suspicious_pairs ADD COLUMN masked_value TEXT;
)sql"))},
        {5, QStringLiteral("key slots and accounts awaiting a branch manager's confirmation"),
            sqlMigration(QStringLiteral(R"sql(
-- The field-encryption and blind-index keys, wrapped per customer-data account by a key derived from its
-- password (or, until its first password change, from the confirmation code of the branch manager who
-- confirmed it), and once more sealed to the recovery passphrase's public key (core/keys/KeySlots). The
-- keychain holds the database key only. The keyring table of earlier releases is emptied when a branch
-- manager's first sign-in moves its keys into slots.
CREATE TABLE key_slots (
    holder      TEXT PRIMARY KEY NOT NULL, -- 'user:<id>' or 'recovery'
    user_id     INTEGER REFERENCES users (id),
    kind        TEXT NOT NULL CHECK (kind IN ('password', 'pending', 'recovery')),
    generation  INTEGER NOT NULL,
    kdf_ops     INTEGER,
    kdf_mem_mib INTEGER,
    salt        BLOB,
    nonce       BLOB,
    public_key  BLOB,
    wrapped     BLOB NOT NULL,
    written_at  TEXT NOT NULL,
    written_by  INTEGER REFERENCES users (id),
    CHECK ((holder = 'recovery') = (kind = 'recovery'))
) STRICT;

-- The keys that seal staff secrets (second-factor seeds), wrapped like release 0.1's keyring by the key
-- material of the keychain and the envelope: administrators and auditors hold no customer key.
CREATE TABLE staff_keyring (
    purpose    TEXT NOT NULL CHECK (purpose IN ('field', 'index')),
    kek_id     TEXT NOT NULL,
    generation INTEGER NOT NULL,
    nonce      BLOB NOT NULL,
    wrapped    BLOB NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (purpose, kek_id)
) STRICT;

-- Dual control (DESIGN §3): a new account, a reset, an unfreeze or a role change of an account that can see
-- customer data waits here until a branch manager other than the holder confirms it; until then the
-- account cannot sign in. 'custody': the account had no key slot when the keys moved into slots.
ALTER TABLE users ADD COLUMN awaiting TEXT CHECK (awaiting IN ('create', 'reset', 'unfreeze', 'role', 'custody'));
ALTER TABLE users ADD COLUMN awaiting_role TEXT CHECK (awaiting_role IN ('manager', 'customer_manager', 'clerk'));
ALTER TABLE users ADD COLUMN awaiting_since TEXT;
ALTER TABLE users ADD COLUMN awaiting_by INTEGER REFERENCES users (id);
)sql"))},
        {6, QStringLiteral("a purge gate only the purge itself can open"), sqlMigration(QStringLiteral(R"sql(
-- Issue 11: a row inserted into audit_purge_gate from outside opened the old gate (any far-future cutoff).
-- Now a row of audit_log can be deleted only while AuditLog::purgeOlderThan runs: the gate row must carry
-- the random token of that purge (bv_audit_purge_gate(), registered by the application on its own
-- connection, compares it; the sqlcipher shell does not have the function at all), name the chained
-- audit.purge row appended in the same transaction, and that row must record exactly the range (purgedFrom,
-- purgedThrough), a cutoff the deleted row is older than, and a cutoff at least 180 days before the purge.
-- Someone holding the database key can still drop this trigger: the verifier (purge rows, anchor and
-- checkpoints kept outside the database) is the real protection, see docs/AUDIT.md.
DROP TRIGGER audit_log_no_delete;
DROP TABLE audit_purge_gate;
CREATE TABLE audit_purge_gate (
    token     BLOB NOT NULL,
    purge_seq INTEGER NOT NULL,
    first_seq INTEGER NOT NULL,
    last_seq  INTEGER NOT NULL
) STRICT;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN NOT EXISTS (
    SELECT 1 FROM audit_purge_gate AS g JOIN audit_log AS p ON p.seq = g.purge_seq
    WHERE bv_audit_purge_gate(g.token, g.purge_seq, g.first_seq, g.last_seq) = 1
      AND p.action = 'audit.purge'
      AND OLD.seq BETWEEN g.first_seq AND g.last_seq
      AND OLD.seq < p.seq
      AND json_extract(p.details, '$.purgedFrom') = g.first_seq
      AND json_extract(p.details, '$.purgedThrough') = g.last_seq
      AND OLD.at < json_extract(p.details, '$.cutoff')
      AND json_extract(p.details, '$.cutoff') <= strftime('%Y-%m-%dT%H:%M:%fZ', p.at, '-180 days'))
BEGIN
    SELECT RAISE(ABORT, 'audit rows cannot be deleted');
END;
)sql"))},
        {7, QStringLiteral("mask widths within the regulatory floors, stored masked forms re-masked"),
            maskFloorsMigration},
        {8, QStringLiteral("the print register: copies and their lifecycle, append-only and hash-chained"),
            sqlMigration(QStringLiteral(R"sql(
-- Issue 12 (DESIGN §8). Migration 1's print_register was never written to: one row per print could not hold a
-- copy's lifecycle. It is replaced by one row per physical copy and one row per lifecycle event; nothing in
-- either is ever changed or deleted. Every row carries its place in ONE hash chain across both tables (seq,
-- in insertion order), the previous row's hash and its own: BLAKE2b over one canonical encoding
-- (core/reports/PrintRegisterRepository.cpp, the one encoder for insert and verify).
DROP TABLE print_register;

-- The print whose failure may give a single-use print/export grant back (RequestService::releaseGrant).
ALTER TABLE requests ADD COLUMN used_for TEXT;

CREATE TABLE print_copies (
    seq          INTEGER NOT NULL UNIQUE,
    serial       TEXT NOT NULL,
    copy         INTEGER NOT NULL CHECK (copy BETWEEN 1 AND 9999),
    job          INTEGER NOT NULL CHECK (job >= 1), -- 1: the first print of the serial; 2, ...: reprints
    report       TEXT NOT NULL,
    title        TEXT NOT NULL,
    parameters   TEXT NOT NULL, -- what was asked, as shown (masked), one line
    request_json TEXT NOT NULL, -- the report key and parameters for a reprint (customer numbers, dates, flags)
    holds_grade1 INTEGER NOT NULL CHECK (holds_grade1 IN (0, 1)),
    medium       TEXT NOT NULL CHECK (medium IN ('printer', 'pdf')),
    printed_by   INTEGER NOT NULL REFERENCES users (id),
    approved_by  INTEGER REFERENCES users (id),
    request_id   INTEGER REFERENCES requests (id),
    printed_at   TEXT NOT NULL,
    valid_until  TEXT NOT NULL, -- last day of the period of use, branch time (yyyy-MM-dd)
    prev_hash    BLOB NOT NULL,
    hash         BLOB NOT NULL,
    PRIMARY KEY (serial, copy)
) STRICT;
CREATE INDEX print_copies_printed_by ON print_copies (printed_by, printed_at);
CREATE TRIGGER print_copies_never_changed BEFORE UPDATE ON print_copies
BEGIN
    SELECT RAISE(ABORT, 'the print register is append-only; record an event instead');
END;
CREATE TRIGGER print_copies_never_deleted BEFORE DELETE ON print_copies
BEGIN
    SELECT RAISE(ABORT, 'the print register is append-only; record an event instead');
END;

CREATE TABLE print_events (
    seq       INTEGER NOT NULL UNIQUE,
    serial    TEXT NOT NULL,
    copy      INTEGER NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('printed', 'failed', 'received', 'handed_over', 'lent', 'returned',
                                             'destroyed')),
    at        TEXT NOT NULL,
    by_user   INTEGER NOT NULL REFERENCES users (id),
    person    TEXT, -- received by / witness (login), or the borrower as typed
    due       TEXT, -- lent: when it must be back
    pages     INTEGER, -- printed: pages per copy
    note      TEXT, -- failure text, destruction method, free note
    prev_hash BLOB NOT NULL,
    hash      BLOB NOT NULL,
    FOREIGN KEY (serial, copy) REFERENCES print_copies (serial, copy)
) STRICT;
CREATE INDEX print_events_copy ON print_events (serial, copy, seq);
CREATE TRIGGER print_events_never_changed BEFORE UPDATE ON print_events
BEGIN
    SELECT RAISE(ABORT, 'the print register is append-only; record an event instead');
END;
CREATE TRIGGER print_events_never_deleted BEFORE DELETE ON print_events
BEGIN
    SELECT RAISE(ABORT, 'the print register is append-only; record an event instead');
END;
)sql"))},
        {9, QStringLiteral("drafts: half-filled forms kept sealed for their author across a lock or sign-out"),
            sqlMigration(QStringLiteral(R"sql(
-- Issue 13 (core/drafts/DraftService). A form being filled in when its author's session locks or signs out is
-- kept here until the author restores it and saves the form, discards it, or it expires (7 days). Only the
-- form kind, the customer number it is about (grade 3, empty for a new customer) and the times are readable:
-- the content is sealed in sealed_value (owner_kind 'draft', owner_id = this id, field 'form') with the
-- customer-information key, bound to this row by the associated data, and the sealed text names its author,
-- form and customer again, so a row moved to another author does not open. No list, report, export or audit
-- row reads this table except the author's own draft list; secure_delete (Database) overwrites what is deleted.
CREATE TABLE drafts (
    id         INTEGER PRIMARY KEY,
    author_id  INTEGER NOT NULL REFERENCES users (id),
    form       TEXT NOT NULL CHECK (form IN ('customer_new', 'customer_edit', 'service_record', 'complaint')),
    subject    TEXT NOT NULL DEFAULT '',
    saved_at   TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    UNIQUE (author_id, form, subject)
) STRICT;
CREATE INDEX drafts_expiry ON drafts (expires_at);
)sql"))},
        {10, QStringLiteral("suspicious pairs of an anonymised customer closed by the system"),
            sqlMigration(QStringLiteral(R"sql(
-- Anonymisation erased a pair's reason and shared value but left the pair open, so a manager could still clear it
-- and write a new reason about a customer whose information is gone. Anonymisation now closes the pair (no clearer,
-- no reason: CustomerRetention::anonymise); the pairs left open by earlier releases are closed here, at the time
-- their customer was anonymised, and a reason a manager wrote when clearing such a pair after the anonymisation (the
-- anonymisation erased every reason the pair had: one there now was written later) is erased.
UPDATE suspicious_pairs SET reason = NULL
    WHERE reason IS NOT NULL AND EXISTS (SELECT 1 FROM customers c
                                         WHERE c.id IN (suspicious_pairs.customer_a, suspicious_pairs.customer_b)
                                           AND c.status = 'anonymised');
UPDATE suspicious_pairs
    SET status = 'cleared', cleared_by = NULL, reason = NULL,
        cleared_at = (SELECT min(c.anonymised_at) FROM customers c
                      WHERE c.id IN (suspicious_pairs.customer_a, suspicious_pairs.customer_b)
                        AND c.status = 'anonymised')
    WHERE status = 'open' AND EXISTS (SELECT 1 FROM customers c
                                      WHERE c.id IN (suspicious_pairs.customer_a, suspicious_pairs.customer_b)
                                        AND c.status = 'anonymised');
)sql"))},
    };
    return migrations;
}

} // namespace bv
