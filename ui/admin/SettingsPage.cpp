#include "ui/admin/SettingsPage.h"

#include "ui/admin/SettingsModel.h"

#include "core/Core.h"
#include "core/policy/SettingsService.h"
#include "ui/common/Dialogs.h"

#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace bv::ui {

namespace {

SettingsBackend localBackend(const WorkspaceContext& context)
{
    Core& core = context.core;
    const Session session = context.session;
    return SettingsBackend {[&core, session] { return core.settings().list(session); },
        [&core, session](const QString& key, const QString& value) -> Result<QString> {
            SettingsService& settings = core.settings();
            if (Status set = settings.set(session, key, value); !set.ok())
                return set.error();
            return settings.get(session, key);
        }};
}

} // namespace

SettingsPage::SettingsPage(const WorkspaceContext& context, QWidget* parent)
    : SettingsPage(context.dialogs, localBackend(context),
        tr("Policy settings of this branch, kept in the encrypted database. Edit a value and save: values below the "
           "floors the regulations set are refused. Every change is recorded in the audit log with the old and the "
           "new value."),
        parent)
{
}

SettingsPage::SettingsPage(Dialogs& dialogs, SettingsBackend backend, const QString& introText, QWidget* parent)
    : QWidget(parent)
    , m_dialogs(dialogs)
    , m_backend(std::move(backend))
{
    setObjectName(QStringLiteral("settingsPage"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(introText, this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_model = new SettingsModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("settingsTableView"));
    m_view->setAccessibleName(tr("Settings"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    // The value gets the room: the label, the allowed range and the key are as wide as their text needs.
    QHeaderView* header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    // The long label and allowed-range texts are cut at a width (their tooltips hold them in full).
    header->setSectionResizeMode(SettingsModel::Setting, QHeaderView::Interactive);
    header->setSectionResizeMode(SettingsModel::Value, QHeaderView::Stretch);
    header->setSectionResizeMode(SettingsModel::Limits, QHeaderView::Interactive);
    header->setSectionResizeMode(SettingsModel::Key, QHeaderView::ResizeToContents);
    layout->addWidget(m_view, 1);

    m_description = new QLabel(this);
    m_description->setObjectName(QStringLiteral("settingDescriptionLabel"));
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_description);

    auto* buttons = new QHBoxLayout;
    m_unsaved = new QLabel(this);
    m_unsaved->setObjectName(QStringLiteral("unsavedSettingsLabel"));
    QFont bold = m_unsaved->font();
    bold.setBold(true);
    m_unsaved->setFont(bold);
    m_unsaved->hide();
    buttons->addWidget(m_unsaved);
    buttons->addStretch();
    m_discard = new QPushButton(tr("&Discard changes"), this);
    m_discard->setObjectName(QStringLiteral("discardSettingsButton"));
    m_save = new QPushButton(tr("Sa&ve"), this);
    m_save->setObjectName(QStringLiteral("saveSettingsButton"));
    buttons->addWidget(m_discard);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &SettingsPage::save);
    connect(m_discard, &QPushButton::clicked, this, &SettingsPage::discard);
    connect(m_model, &SettingsModel::changesChanged, m_save, &QPushButton::setEnabled);
    connect(m_model, &SettingsModel::changesChanged, m_discard, &QPushButton::setEnabled);
    connect(m_model, &SettingsModel::changesChanged, this, &SettingsPage::showUnsaved);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &SettingsPage::showDescription);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        fitColumns();
        showDescription(m_view->currentIndex());
    });
    m_save->setEnabled(false);
    m_discard->setEnabled(false);
}

void SettingsPage::fitColumns()
{
    for (const auto& [column, widest] : {std::pair {int(SettingsModel::Setting), kMaxLabelWidth},
             std::pair {int(SettingsModel::Limits), kMaxAllowedWidth}}) {
        m_view->resizeColumnToContents(column);
        if (m_view->horizontalHeader()->sectionSize(column) > widest)
            m_view->horizontalHeader()->resizeSection(column, widest);
    }
}

void SettingsPage::showUnsaved()
{
    const int count = m_model->changedCount();
    m_unsaved->setText(count > 0 ? tr("• %n unsaved changes: save or discard them.", nullptr, count) : QString());
    m_unsaved->setVisible(count > 0);
}

void SettingsPage::showDescription(const QModelIndex& current)
{
    const SettingsModel::Entry entry = m_model->entryFromIndex(current);
    if (!entry.spec) {
        m_description->setText(tr("Select a setting to read what it does."));
        return;
    }
    m_description->setText(
        SettingsModel::label(*entry.spec) + QStringLiteral(": ") + SettingsModel::description(*entry.spec));
}

bool SettingsPage::confirmLeave()
{
    const int count = m_model->changedCount();
    if (count == 0)
        return true;
    if (m_dialogs.confirm(this, tr("Unsaved settings"),
            tr("%n settings are changed but not saved. Leave the page and discard the changes?", nullptr, count))) {
        discard();
        return true;
    }
    return false;
}

void SettingsPage::refresh()
{
    auto values = m_backend.list();
    if (!values.ok()) {
        emit failed(values.error());
        return;
    }
    m_model->setValues(*values);
}

bool SettingsPage::save()
{
    int saved = 0;
    const QList<SettingsModel::Entry> changed = m_model->changedEntries();
    for (const SettingsModel::Entry& entry : changed) {
        const QString key = entry.spec->key;
        auto stored = m_backend.set(key, entry.edited);
        if (!stored.ok()) {
            const QModelIndex index = m_model->indexOfKey(key);
            m_view->selectRow(index.row());
            m_view->scrollTo(index);
            emit failed(stored.error());
            return false;
        }
        m_model->markSaved(key, *stored);
        ++saved;
    }
    if (saved > 0)
        m_dialogs.showInfo(this, tr("Settings"), tr("%n settings saved.", nullptr, saved));
    return true;
}

void SettingsPage::discard()
{
    m_model->revert();
}

} // namespace bv::ui
