#pragma once

#include "core/audit/AuditRecords.h"
#include "core/audit/AuditWording.h"
#include "core/auth/Session.h"
#include "core/common/Error.h"

#include <QAbstractTableModel>

namespace bv {
class Core;
}

namespace bv::ui {

// The audit log as the auditor reads it (AuditService::list), page by page with keyset paging on the
// sequence number: the first page on reload(), the next ones through fetchMore() (the view asks when it
// is scrolled to the end). Every page read is itself recorded by the core. Rows hold customer numbers
// and masked details only, by construction of the log. Each row reads as a sentence (AuditWording): the
// staff accounts are read on reload() and the customers' stored masked names with each page.
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Seq,
        Time,
        Sentence,
        Person,
        RoleColumn,
        Action,
        CustomerNo,
        Outcome,
        Workstation,
        ColumnCount
    };
    enum DataRole
    {
        RawActionRole = Qt::UserRole + 1, // the action as stored ("customer.open"), in every column
    };
    static constexpr int kPageSize = 200;

    AuditLogModel(Core& core, const Session& session, QObject* parent = nullptr);

    void setFilter(const AuditFilter& filter);
    AuditFilter filter() const { return m_filter; }
    // Drops the rows and reads the first page with the current filter. False (and failed()) on a refusal.
    bool reload();
    bool isLoaded() const { return m_loaded; }
    bool hasMore() const { return m_more; }
    // The row behind an index (an empty AuditRow for an invalid one).
    AuditRow rowFromIndex(const QModelIndex& index) const;

    // The accounts and masked names the sentences use (for the details pane).
    const AuditDirectory& directory() const { return m_directory; }

    static QString timeText(const QDateTime& at); // branch time, as every time in the UI

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    void failed(const bv::Error& error);

private:
    bool loadPage();

    Core& m_core;
    Session m_session;
    AuditFilter m_filter;
    QList<AuditRow> m_rows;
    QStringList m_sentences; // one per row, made when the page is read
    AuditDirectory m_directory;
    bool m_loaded = false;
    bool m_more = false;
    bool m_loading = false;
    bool m_peopleRead = false;
};

} // namespace bv::ui
