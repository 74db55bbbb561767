#include "tests/testsupport/TestCore.h"

#include "core/auth/AccountService.h"
#include "core/auth/AuthService.h"
#include "core/internal/db/Database.h"
#include "core/internal/policy/SettingsWriter.h"
#include "core/policy/SettingsService.h"

namespace bv::test {

SecureBytes secret(const QString& text)
{
    QByteArray bytes = text.toUtf8();
    return SecureBytes::takeFrom(bytes);
}

std::unique_ptr<TestCore> TestCore::create()
{
    auto test = std::make_unique<TestCore>();
    test->vaults = std::make_unique<VaultService>(test->store, test->clock);
    test->vaults->setRecoveryKdf(KdfParams::minimum());
    auto created = test->vaults->init(test->dir.databasePath());
    if (!created.ok()) {
        qWarning("TestCore: %s", qPrintable(created.error().fullText()));
        return nullptr;
    }
    test->vault = std::move(created->vault);
    test->recoveryPassphrase = created->recoveryPassphrase.view().toByteArray();
    test->core = std::make_unique<Core>(*test->vault, *test->vaults, test->clock);
    SettingsService& settings = test->core->settings();
    if (!SettingsWriter::setAs(
            settings, Actor::system(), QString::fromLatin1(settings::Argon2MemLimitMiB), QStringLiteral("19"))
             .ok()
        || !SettingsWriter::setAs(
            settings, Actor::system(), QString::fromLatin1(settings::Argon2OpsLimit), QStringLiteral("2"))
                .ok()
        // blind re-key is off for tests that are not about it (tst_rekey and the widget tests switch it on)
        || !SettingsWriter::setAs(settings, Actor::system(), QString::fromLatin1(settings::RekeyFields), QString())
                .ok())
        return nullptr;
    auto oneTime = test->core->accounts().createFirstAdministrator(
        NewAccount {QStringLiteral("admin"), QStringLiteral("Administrator"), Role::Admin, QString(), QString()});
    if (!oneTime.ok()) {
        qWarning("TestCore: %s", qPrintable(oneTime.error().fullText()));
        return nullptr;
    }
    auto first = test->core->auth().signIn(QStringLiteral("admin"), *oneTime);
    if (!first.ok())
        return nullptr;
    const QString password = QStringLiteral("Admin-pass-1");
    if (!test->core->auth().changePassword(*first, *oneTime, secret(password)).ok())
        return nullptr;
    test->admin = *first;
    test->passwords.insert(QStringLiteral("admin"), password);
    return test;
}

QString TestCore::confirm(const QString& login)
{
    Result<AccountService::Confirmed> confirmed = makeError(ErrorCode::Internal, QString());
    if (keyHolder.isEmpty() || keyHolder == login) {
        confirmed = core->accounts().confirmWithRecovery(admin, login, secret(recoveryPassphrase));
    } else {
        auto manager = signIn(keyHolder);
        if (!manager.ok()) {
            qWarning("confirm(%s): %s", qPrintable(login), qPrintable(manager.error().fullText()));
            return QString();
        }
        confirmed = core->accounts().confirm(*manager, login);
        (void)core->auth().signOut(*manager);
    }
    if (!confirmed.ok()) {
        qWarning("confirm(%s): %s", qPrintable(login), qPrintable(confirmed.error().fullText()));
        return QString();
    }
    return QString::fromLatin1(confirmed->confirmationCode.view().toByteArray());
}

Session TestCore::addUser(const QString& login, Role role, const QString& displayName)
{
    if (Roles::holdsKeys(role) && role != Role::Manager && keyHolder.isEmpty()
        && !addUser(QStringLiteral("keeper"), Role::Manager, QStringLiteral("Key keeper")).isValid())
        return Session();
    auto oneTime = core->accounts().create(
        admin, NewAccount {login, displayName.isEmpty() ? login : displayName, role, QString(), QString()});
    if (!oneTime.ok()) {
        qWarning("addUser(%s): %s", qPrintable(login), qPrintable(oneTime.error().fullText()));
        return Session();
    }
    QString code;
    if (Roles::holdsKeys(role)) {
        code = confirm(login);
        if (code.isEmpty())
            return Session();
    }
    auto session = core->auth().signIn(login, *oneTime);
    if (!session.ok())
        return Session();
    const QString password = QStringLiteral("Pass-%1-9").arg(login);
    if (Status changed = core->auth().changePassword(*session, *oneTime, secret(password), secret(code));
        !changed.ok()) {
        qWarning("addUser(%s): %s", qPrintable(login), qPrintable(changed.error().fullText()));
        return Session();
    }
    passwords.insert(login, password);
    if (role == Role::Manager && keyHolder.isEmpty())
        keyHolder = login;
    return *session;
}

Result<Session> TestCore::signIn(const QString& login, const QString& password, const QString& totp)
{
    return core->auth().signIn(login, secret(password.isEmpty() ? passwords.value(login) : password), totp);
}

qint64 TestCore::userId(const QString& login) const
{
    auto account = core->accounts().accountByLogin(login);
    return account.ok() ? account->id : 0;
}

qint64 TestCore::insertCustomer(const QString& number, qint64 managerId, bool restricted, const QString& status)
{
    auto q = vault->database().query(
        QStringLiteral(
            "INSERT INTO customers (customer_no, branch, status, manager_id, restricted, created_at, updated_at) "
            "VALUES (?, '0001', ?, ?, ?, ?, ?)"),
        {number, status, managerId, restricted ? 1 : 0, clock.nowUtc(), clock.nowUtc()});
    return q.ok() ? q->lastInsertId().toLongLong() : 0;
}

} // namespace bv::test
