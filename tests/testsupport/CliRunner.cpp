#include "tests/testsupport/CliRunner.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QUuid>

namespace bv::test {

namespace {

const QByteArray kAdminPassword = "Admin-pass-2026";

} // namespace

QJsonObject CliRun::json() const
{
    return QJsonDocument::fromJson(out).object();
}

CliRunner::CliRunner()
    : m_service(QStringLiteral("BranchVault-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_env(QProcessEnvironment::systemEnvironment())
{
    m_env.insert(QStringLiteral("BV_KEYCHAIN_SERVICE"), m_service);
    m_env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
}

QString CliRunner::environmentProblem()
{
    if (!QFileInfo::exists(qEnvironmentVariable("BV_CLI")))
        return QStringLiteral("BV_CLI must point to branchvault-cli (run via ctest)");
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return QStringLiteral("no D-Bus session: run the suite with tools/dev.sh test");
    return QString();
}

CliRun CliRunner::run(const QStringList& arguments, const QByteArray& input, const QProcessEnvironment* env) const
{
    QProcess process;
    process.setProcessEnvironment(env ? *env : m_env);
    process.start(qEnvironmentVariable("BV_CLI"), arguments);
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(120000);
    return CliRun {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

CliRun CliRunner::as(const QString& login, QStringList arguments, const QByteArray& input) const
{
    arguments << QStringLiteral("--db") << m_db << QStringLiteral("--user") << login;
    return run(arguments, passwordOf(login).toUtf8() + "\n" + input);
}

QString CliRunner::initDatabase(const QString& path) const
{
    const CliRun init = run({QStringLiteral("init"), QStringLiteral("--db"), path, QStringLiteral("--json")});
    if (init.status != 0) {
        qWarning("init failed: %s", init.err.constData());
        return QString();
    }
    const QByteArray oneTime = init.json().value(QStringLiteral("password")).toString().toLatin1();
    const CliRun changed = run(admin({QStringLiteral("passwd"), QStringLiteral("--db"), path}),
        oneTime + "\n" + kAdminPassword + "\n" + kAdminPassword + "\n");
    if (changed.status != 0)
        qWarning("passwd failed: %s", changed.err.constData());
    m_recovery = init.json().value(QStringLiteral("recoveryPassphrase")).toString();
    m_keyHolder.clear();
    return m_recovery;
}

QString CliRunner::confirmUser(const QString& login) const
{
    CliRun confirmed;
    if (m_keyHolder.isEmpty() || m_keyHolder == login)
        confirmed = run(admin({QStringLiteral("user"), QStringLiteral("confirm"), login, QStringLiteral("--recovery"),
                            QStringLiteral("--db"), m_db, QStringLiteral("--json")}),
            adminPassword() + m_recovery.toUtf8() + "\n");
    else
        confirmed
            = as(m_keyHolder, {QStringLiteral("user"), QStringLiteral("confirm"), login, QStringLiteral("--json")});
    if (confirmed.status != 0) {
        qWarning("user confirm %s failed: %s", qPrintable(login), confirmed.err.constData());
        return QString();
    }
    return confirmed.json().value(QStringLiteral("confirmationCode")).toString();
}

bool CliRunner::addUser(const QString& login, const QString& role) const
{
    const bool holdsKeys = role != QLatin1String("admin") && role != QLatin1String("auditor");
    if (holdsKeys && role != QLatin1String("manager") && m_keyHolder.isEmpty()
        && !addUser(QStringLiteral("keeper"), QStringLiteral("manager")))
        return false;
    const CliRun added
        = run(admin({QStringLiteral("user"), QStringLiteral("add"), login, QStringLiteral("--role"), role,
                  QStringLiteral("--name"), login.toUpper(), QStringLiteral("--db"), m_db, QStringLiteral("--json")}),
            adminPassword());
    if (added.status != 0) {
        qWarning("user add %s failed: %s", qPrintable(login), added.err.constData());
        return false;
    }
    const QByteArray oneTime = added.json().value(QStringLiteral("password")).toString().toLatin1();
    QByteArray code;
    if (holdsKeys) {
        code = confirmUser(login).toLatin1();
        if (code.isEmpty())
            return false;
        code += "\n";
    }
    const QByteArray next = passwordOf(login).toUtf8();
    const CliRun changed
        = run({QStringLiteral("passwd"), QStringLiteral("--db"), m_db, QStringLiteral("--user"), login},
            oneTime + "\n" + next + "\n" + next + "\n" + code);
    if (changed.status != 0)
        qWarning("passwd %s failed: %s", qPrintable(login), changed.err.constData());
    if (changed.status == 0 && role == QLatin1String("manager") && m_keyHolder.isEmpty())
        m_keyHolder = login;
    return changed.status == 0;
}

bool CliRunner::useCheapPasswordHashing() const
{
    for (const auto& [key, value] :
        {std::pair {"auth.argon2.memlimit_mib", "19"}, std::pair {"auth.argon2.opslimit", "2"}}) {
        const CliRun set = run(admin({QStringLiteral("settings"), QStringLiteral("set"), QString::fromLatin1(key),
                                   QString::fromLatin1(value), QStringLiteral("--db"), m_db}),
            adminPassword());
        if (set.status != 0) {
            qWarning("settings set %s failed: %s", key, set.err.constData());
            return false;
        }
    }
    return true;
}

QStringList CliRunner::admin(QStringList arguments)
{
    return arguments << QStringLiteral("--user") << QStringLiteral("admin");
}

QByteArray CliRunner::adminPassword()
{
    return kAdminPassword + "\n";
}

QString CliRunner::passwordOf(const QString& login)
{
    return QStringLiteral("%1-Pass-2026").arg(login);
}

QJsonObject CliRunner::objectWithId(const QJsonArray& list, qint64 id)
{
    for (const QJsonValue& value : list) {
        if (value.toObject().value(QStringLiteral("id")).toInteger() == id)
            return value.toObject();
    }
    return QJsonObject();
}

} // namespace bv::test
