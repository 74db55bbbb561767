#include "app/cli/AuditCliSupport.h"

#include "app/cli/CustomerCliSupport.h"
#include "core/common/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>

namespace bv::cli {

Result<QString> AuditCli::readCheckpoint(const QString& path)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.exists())
        return makeError(ErrorCode::NotFound,
            tr("The checkpoint file %1 does not exist. Give the file that audit "
               "checkpoint wrote.")
                .arg(name),
            QDir::toNativeSeparators(path), QStringLiteral("checkpoint"));
    errno = 0;
    if (!file.open(QIODevice::ReadOnly))
        return AtomicFile::fromErrno(errno != 0 ? errno : EIO, tr("Reading the checkpoint %1").arg(name), path);
    if (file.size() > kMaxCheckpointBytes)
        return makeError(ErrorCode::Damaged,
            tr("The file %1 is far too large for an audit checkpoint. Give the file "
               "that audit checkpoint wrote.")
                .arg(name),
            QString(), QStringLiteral("checkpoint"));
    return QString::fromUtf8(file.readAll());
}

QJsonObject AuditCli::written(const AuditCheckpoint& checkpoint, const QString& file)
{
    return QJsonObject {{QStringLiteral("file"), file}, {QStringLiteral("databaseId"), checkpoint.databaseId},
        {QStringLiteral("firstSeq"), checkpoint.firstSeq}, {QStringLiteral("seq"), checkpoint.seq},
        {QStringLiteral("rows"), checkpoint.rowCount},
        {QStringLiteral("hash"), QString::fromLatin1(checkpoint.hash.toHex())},
        {QStringLiteral("created"), CustomerCli::iso(checkpoint.created)}};
}

QJsonObject AuditCli::compared(const AuditCheckpoint& checkpoint, const QString& file)
{
    return QJsonObject {{QStringLiteral("file"), file}, {QStringLiteral("format"), checkpoint.format},
        {QStringLiteral("firstSeq"), checkpoint.firstSeq}, {QStringLiteral("seq"), checkpoint.seq},
        {QStringLiteral("rows"), checkpoint.rowCount},
        {QStringLiteral("hash"), QString::fromLatin1(checkpoint.hash.toHex())},
        {QStringLiteral("created"), CustomerCli::iso(checkpoint.created)}};
}

QJsonObject AuditCli::purged(qint64 rows, qint64 retentionDays)
{
    return QJsonObject {{QStringLiteral("rows"), rows}, {QStringLiteral("retentionDays"), retentionDays}};
}

QString AuditCli::purgedText(qint64 rows, qint64 retentionDays)
{
    return rows > 0 ? tr("%n audit rows older than %1 days were purged; the chain continues from the last purged row.",
               nullptr, int(rows))
                          .arg(retentionDays)
                    : tr("No audit rows are older than %1 days; nothing was purged.").arg(retentionDays);
}

} // namespace bv::cli
