#pragma once

// Support for widget tests (header-only: every tests/ui/tst_*.cpp is its own executable).

#include "core/common/Translations.h"
#include "ui/common/Dialogs.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QDialog>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QWidget>

#include <functional>

namespace bv::test {

// Dialogs with scripted answers: nothing modal ever opens in a test.
class ScriptedDialogs final : public ui::Dialogs
{
public:
    std::function<int(QDialog*)> onExec = [](QDialog*) { return int(QDialog::Rejected); };
    QList<bool> confirms; // answers to confirm(), in order (default: no)
    QList<std::optional<QString>> texts; // answers to askText()
    QStringList saveNames;
    QStringList openNames;
    QList<Error> errors; // every error shown
    QStringList infos; // every info text shown
    QList<QByteArray> secrets; // answers to askPassword, in order (none: cancelled)
    QStringList askedTexts;
    QList<bool> askedRequired; // the `required` flag of every askText()

    bool confirm(QWidget*, const QString&, const QString& text) override
    {
        askedTexts << text;
        return confirms.isEmpty() ? false : confirms.takeFirst();
    }
    std::optional<QString> askText(QWidget*, const QString&, const QString& label, bool required) override
    {
        askedTexts << label;
        askedRequired << required;
        return texts.isEmpty() ? std::nullopt : texts.takeFirst();
    }
    std::optional<SecureBytes> askPassword(QWidget*, const QString&, const QString&) override
    {
        if (secrets.isEmpty())
            return std::nullopt;
        QByteArray next = secrets.takeFirst();
        return SecureBytes::takeFrom(next);
    }
    QString saveFileName(QWidget*, const QString&, const QString&, const QString&) override
    {
        return saveNames.isEmpty() ? QString() : saveNames.takeFirst();
    }
    QString openFileName(QWidget*, const QString&, const QString&) override
    {
        return openNames.isEmpty() ? QString() : openNames.takeFirst();
    }
    void showError(QWidget*, const Error& error) override { errors << error; }
    void showInfo(QWidget*, const QString&, const QString& text) override { infos << text; }
    int exec(QDialog* dialog) override { return onExec(dialog); }
};

// The child of `parent` with this object name, or nullptr with a warning naming the widget.
template <typename T>
T* child(QObject* parent, const char* name)
{
    T* found = parent->findChild<T*>(QString::fromLatin1(name));
    if (!found)
        qWarning("no widget named %s", name);
    return found;
}

// Every text a user (or assistive technology) could read anywhere in `root`: titles, labels, fields,
// placeholders, buttons, tool tips, accessible names and descriptions, and the models of item views.
inline QStringList visibleTexts(QWidget* root)
{
    QStringList texts {root->windowTitle(), root->toolTip(), root->accessibleName()};
    for (QWidget* w : root->findChildren<QWidget*>()) {
        texts << w->toolTip() << w->accessibleName() << w->accessibleDescription() << w->whatsThis();
        if (auto* label = qobject_cast<QLabel*>(w))
            texts << label->text();
        if (auto* edit = qobject_cast<QLineEdit*>(w))
            texts << edit->text() << edit->placeholderText();
        if (auto* edit = qobject_cast<QPlainTextEdit*>(w))
            texts << edit->toPlainText();
        if (auto* button = qobject_cast<QAbstractButton*>(w))
            texts << button->text();
        if (auto* box = qobject_cast<QGroupBox*>(w))
            texts << box->title();
        if (auto* spin = qobject_cast<QAbstractSpinBox*>(w))
            texts << spin->text();
        if (auto* view = qobject_cast<QAbstractItemView*>(w)) {
            QAbstractItemModel* model = view->model();
            for (int row = 0; model && row < model->rowCount(); ++row) {
                for (int column = 0; column < model->columnCount(); ++column) {
                    const QModelIndex index = model->index(row, column);
                    for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::EditRole)})
                        texts << index.data(role).toString();
                }
            }
        }
    }
    texts.removeAll(QString());
    return texts;
}

// The texts that contain `needle`.
inline QStringList containing(const QStringList& texts, const QString& needle)
{
    QStringList found;
    for (const QString& text : texts) {
        if (text.contains(needle))
            found << text;
    }
    return found;
}

// Writes a screenshot of `widget` to <build>/screenshots/<language>/<name>.png (docs/screenshots keeps
// the current set). Returns the file name.
inline QString screenshot(QWidget* widget, const QString& name, const QString& language)
{
    const QString folder
        = qEnvironmentVariable("BV_BINARY_DIR", QDir::tempPath()) + QStringLiteral("/screenshots/") + language;
    QDir().mkpath(folder);
    widget->resize(widget->size().expandedTo(QSize(1100, 720)));
    const QString file = folder + QLatin1Char('/') + name + QStringLiteral(".png");
    widget->grab().save(file);
    return file;
}

} // namespace bv::test
