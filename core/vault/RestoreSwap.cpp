#include "core/internal/vault/RestoreSwap.h"

#include "core/common/AtomicFile.h"
#include "core/internal/keys/KeyEnvelope.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace bv {

namespace {

const char* const kSideFiles[] = {"-wal", "-journal"};

bool present(const QString& path)
{
    return QFileInfo(path).exists() || QFileInfo(path).isSymLink();
}

Error failed(int error, const QString& path)
{
    return AtomicFile::fromErrno(error,
        RestoreSwap::tr("The restore could not put the files in place; it will be finished when the database is "
                        "opened next"),
        path);
}

bool sameBytes(const QString& a, const QString& b)
{
    QFile first(a);
    QFile second(b);
    if (!first.open(QIODevice::ReadOnly) || !second.open(QIODevice::ReadOnly))
        return false;
    while (!first.atEnd()) {
        const QByteArray x = first.read(1024 * 1024);
        if (x.isEmpty() || x != second.read(x.size()))
            return false;
    }
    return second.atEnd();
}

// link(from, to) unless `to` is that same file already (a repeated step); any other file under that name
// is never trusted to be the kept copy: EEXIST. 0 or errno.
int keepLink(const QString& from, const QString& to)
{
    if (present(to)) {
        struct stat a = {};
        struct stat b = {};
        const QByteArray f = QFile::encodeName(from);
        const QByteArray t = QFile::encodeName(to);
        if (::lstat(f.constData(), &a) != 0 || ::lstat(t.constData(), &b) != 0)
            return errno;
        if (a.st_dev == b.st_dev && a.st_ino == b.st_ino)
            return 0;
        // the folder was copied meanwhile (links become copies): the same bytes are the same kept copy
        return S_ISREG(a.st_mode) && S_ISREG(b.st_mode) && a.st_size == b.st_size && sameBytes(from, to) ? 0 : EEXIST;
    }
    const QByteArray a = QFile::encodeName(from);
    const QByteArray b = QFile::encodeName(to);
    return ::link(a.constData(), b.constData()) == 0 ? 0 : errno;
}

int removeName(const QString& path)
{
    const QByteArray a = QFile::encodeName(path);
    return ::unlink(a.constData()) == 0 || errno == ENOENT ? 0 : errno;
}

int renameOver(const QString& from, const QString& to)
{
    const QByteArray a = QFile::encodeName(from);
    const QByteArray b = QFile::encodeName(to);
    return ::rename(a.constData(), b.constData()) == 0 ? 0 : errno;
}

} // namespace

bool RestoreSwap::isPending(const QString& databasePath)
{
    return present(journalPath(databasePath));
}

Status RestoreSwap::writeJournal(const Plan& plan, bool walsMoved)
{
    const QJsonObject journal {{QStringLiteral("format"), QStringLiteral("BranchVault restore journal")},
        {QStringLiteral("incoming"), QFileInfo(plan.incoming).fileName()},
        {QStringLiteral("keepAs"), plan.keepAs.isEmpty() ? QString() : QFileInfo(plan.keepAs).fileName()},
        {QStringLiteral("phase"), walsMoved ? QStringLiteral("moved") : QStringLiteral("prepared")}};
    return AtomicFile::write(journalPath(plan.database), QJsonDocument(journal).toJson(QJsonDocument::Compact));
}

Status RestoreSwap::run(const Plan& plan)
{
    if (!present(plan.incoming))
        return failed(ENOENT, plan.incoming);
    // whatever is at the database's names now is kept: there must be a name to keep it under
    if (plan.keepAs.isEmpty()
        && (present(plan.database) || present(KeyEnvelope::pathFor(plan.database))
            || present(plan.database + QStringLiteral("-wal"))))
        return failed(EEXIST, plan.database);
    // the kept names must be free: a file already there is never taken for the kept copy
    if (!plan.keepAs.isEmpty()) {
        const QStringList names {plan.keepAs, KeyEnvelope::pathFor(plan.keepAs), plan.keepAs + QStringLiteral("-wal"),
            plan.keepAs + QStringLiteral("-journal")};
        for (const QString& name : names) {
            if (present(name))
                return failed(EEXIST, name);
        }
    }
    BV_TRY(writeJournal(plan, false));
    return proceed(plan, false);
}

Status RestoreSwap::proceed(const Plan& plan, bool walsMoved)
{
    const QString& db = plan.database;
    // 1. the current file's WAL or hot journal belongs to it: it goes with the kept copy
    if (!walsMoved) {
        for (const char* suffix : kSideFiles) {
            const QString side = db + QLatin1String(suffix);
            if (!present(side))
                continue;
            if (plan.keepAs.isEmpty())
                return failed(EEXIST, side);
            if (int error = keepLink(side, plan.keepAs + QLatin1String(suffix)); error != 0)
                return failed(error, side);
            if (int error = removeName(side); error != 0)
                return failed(error, side);
        }
        if (int error = removeName(db + QStringLiteral("-shm")); error != 0)
            return failed(error, db + QStringLiteral("-shm"));
        BV_TRY(writeJournal(plan, true));
    }
    // 2. the database: kept by a second name, then replaced in one rename
    if (present(plan.incoming)) {
        if (present(db)) {
            if (plan.keepAs.isEmpty())
                return failed(EEXIST, db);
            if (int error = keepLink(db, plan.keepAs); error != 0)
                return failed(error, db);
        }
        if (int error = renameOver(plan.incoming, db); error != 0)
            return failed(error, db);
    }
    for (const char* suffix : kSideFiles) {
        const QString side = plan.incoming + QLatin1String(suffix);
        if (present(side)) {
            if (int error = renameOver(side, db + QLatin1String(suffix)); error != 0)
                return failed(error, side);
        }
    }
    // 3. its key envelope, the same way
    const QString envelope = KeyEnvelope::pathFor(db);
    const QString incomingEnvelope = KeyEnvelope::pathFor(plan.incoming);
    if (present(incomingEnvelope)) {
        if (present(envelope)) {
            if (plan.keepAs.isEmpty())
                return failed(EEXIST, envelope);
            if (int error = keepLink(envelope, KeyEnvelope::pathFor(plan.keepAs)); error != 0)
                return failed(error, envelope);
        }
        if (int error = renameOver(incomingEnvelope, envelope); error != 0)
            return failed(error, envelope);
    }
    // 4. durable, then the journal goes
    const QString folder = QFileInfo(db).absolutePath();
    errno = 0;
    if (!AtomicFile::syncPath(folder))
        return failed(errno != 0 ? errno : EIO, folder);
    if (int error = removeName(journalPath(db)); error != 0)
        return failed(error, journalPath(db));
    (void)AtomicFile::syncPath(folder);
    return {};
}

Status RestoreSwap::recover(const QString& databasePath)
{
    const QString path = journalPath(databasePath);
    if (!present(path))
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return AtomicFile::fromErrno(EIO, tr("Reading the journal of an interrupted restore"), path);
    const QJsonObject journal = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    const QString incoming = journal.value(QStringLiteral("incoming")).toString();
    const QString keepAs = journal.value(QStringLiteral("keepAs")).toString();
    const QString phase = journal.value(QStringLiteral("phase")).toString();
    const QString prefix = QFileInfo(databasePath).fileName() + QLatin1Char('.');
    // Only names beside this database that a restore gives are accepted.
    const bool sane = incoming.startsWith(prefix) && !incoming.contains(QLatin1Char('/'))
        && (keepAs.isEmpty() || (keepAs.startsWith(prefix) && !keepAs.contains(QLatin1Char('/'))))
        && (phase == QLatin1String("prepared") || phase == QLatin1String("moved"));
    if (!sane)
        return makeError(ErrorCode::Damaged,
            tr("A restore of this database was interrupted, and its journal (%1) cannot be read. Nothing was "
               "changed; ask the system administrator to check the files beside the database.")
                .arg(QDir::toNativeSeparators(path)));
    const QDir folder = QFileInfo(databasePath).absoluteDir();
    Plan plan {databasePath, folder.filePath(incoming), keepAs.isEmpty() ? QString() : folder.filePath(keepAs)};
    if (keepAs.isEmpty() && present(databasePath) && present(plan.incoming))
        return makeError(ErrorCode::Damaged,
            tr("A restore of this database was interrupted, and its journal (%1) cannot be read. Nothing was "
               "changed; ask the system administrator to check the files beside the database.")
                .arg(QDir::toNativeSeparators(path)));
    return proceed(plan, phase == QLatin1String("moved"));
}

} // namespace bv
