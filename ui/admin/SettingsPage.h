#pragma once

#include "core/common/Error.h"
#include "core/common/Result.h"
#include "ui/common/WorkspaceContext.h"

#include <QPair>
#include <QWidget>

#include <functional>

class QLabel;
class QModelIndex;
class QPushButton;
class QTableView;

namespace bv::ui {

class Dialogs;
class SettingsModel;

// Where the settings are kept: this workstation's encrypted database (the core's SettingsService) or the branch
// server (ServerSession). Both check every value again and record every change.
struct SettingsBackend
{
    std::function<Result<QList<QPair<QString, QString>>>()> list;
    // Stores one value; returns it as stored.
    std::function<Result<QString>(const QString& key, const QString& value)> set;
};

// Every setting in one editable table (label, value, allowed range with the reason, key); "Save" hands
// each changed value to the core, which refuses a value below its floor with a message that names it.
class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    // Widest the label and the allowed-range columns grow (pixels); the value column has the rest.
    static constexpr int kMaxLabelWidth = 360;
    static constexpr int kMaxAllowedWidth = 220;

    // The local database's settings.
    explicit SettingsPage(const WorkspaceContext& context, QWidget* parent = nullptr);
    // Another backend's (the branch server's), with its own introduction.
    SettingsPage(Dialogs& dialogs, SettingsBackend backend, const QString& intro, QWidget* parent = nullptr);

    void refresh();
    // Saves the changed values in order and stops at the first refusal (that row stays changed and
    // selected). Returns true when every change was saved.
    bool save();
    void discard();
    // Asked before the administrator leaves the page: true when nothing is unsaved, or when they chose to
    // discard the unsaved values; false to stay on the page.
    bool confirmLeave();

    SettingsModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

signals:
    void failed(const bv::Error& error);

private:
    void fitColumns();
    void showUnsaved();
    void showDescription(const QModelIndex& current);

    Dialogs& m_dialogs;
    SettingsBackend m_backend;
    SettingsModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_discard = nullptr;
    QLabel* m_description = nullptr;
    QLabel* m_unsaved = nullptr;
};

} // namespace bv::ui
