#pragma once

#include "core/common/Error.h"
#include "ui/common/WorkspaceContext.h"

#include <QWidget>

class QPlainTextEdit;
class QPushButton;

namespace bv::ui {

// Takes a checkpoint of the audit chain (its head: row number and hash) and keeps it outside the
// database: as a text file, or as the controlled checkpoint sheet (the report "audit_checkpoint": serial,
// print register, audited) printed or saved as PDF. Nothing ever overwrites a file.
class AuditCheckpointPage : public QWidget
{
    Q_OBJECT
public:
    explicit AuditCheckpointPage(const WorkspaceContext& context, QWidget* parent = nullptr);

    bool takeCheckpoint();
    bool saveText();
    bool savePdf();
    // The controlled checkpoint sheet to the printer (false) or to a new PDF file (true).
    bool printSheet(bool pdf);
    QString checkpointText() const { return m_checkpoint; }

signals:
    void failed(const bv::Error& error);

private:
    // The chosen path, or empty (and failed()) when it exists already.
    QString newFile(const QString& title, const QString& suggested, const QString& filter);

    WorkspaceContext m_context;
    QString m_checkpoint;
    QPushButton* m_take = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_pdf = nullptr;
    QPushButton* m_print = nullptr;
    QPlainTextEdit* m_text = nullptr;
};

} // namespace bv::ui
