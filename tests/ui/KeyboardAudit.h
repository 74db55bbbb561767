#pragma once

// The keyboard walker (issue 13, "keyboard first"): walks a window in every configuration of its stacked
// pages, tabs and wizard pages and lists what keeps it from being driven from the keyboard:
//  - two equal mnemonics among the widgets shown together (buttons, labels with a buddy, group boxes, tabs,
//    the menu bar's titles) and two equal mnemonics within one menu;
//  - a mnemonic on a character that is not a Latin letter or a digit (`&姓名`: no keyboard can type it);
//  - an input field (line edit, combo box, spin box, date edit, text edit) without a label with a mnemonic
//    whose buddy it is; a check box or radio button without its own mnemonic;
//  - a label with a mnemonic and no buddy (the mnemonic does nothing);
//  - an input that Tab cannot reach, or a Tab order that does not follow the reading order (top to bottom,
//    left to right; side-by-side containers column by column). A container whose order is deliberately
//    different says so with the dynamic property "explicitTabOrder" = true.
// Widgets are found by type, so pages added later are covered without naming their widgets here. A widget
// hidden by itself (a row shown on demand, a result box) counts as shown: its mnemonics must not clash once
// it appears; a page that is not the current one of a stacked widget, tab widget or wizard does not.
// Header-only: every tests/ui/tst_*.cpp is its own executable.

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMetaObject>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QScrollArea>
#include <QSet>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTextDocument>
#include <QTextEdit>
#include <QWizard>
#include <QWizardPage>

#include <algorithm>

namespace bv::test {

// The widget classes that need a signed-in branch-server session to exist: tests/server/tst_serverdesktop walks
// them (and checks it walked each of these); tst_keyboard counts them as walked.
inline QStringList classesWalkedWithAServer()
{
    return {QStringLiteral("ServerWorkspace"), QStringLiteral("ServerPage"), QStringLiteral("ServerEntryPage"),
        QStringLiteral("ServerCustomersPage"), QStringLiteral("ServerChangesPage"),
        QStringLiteral("ServerRequestsPage"), QStringLiteral("ServerLookupPage"), QStringLiteral("ServerAuditPage"),
        QStringLiteral("ServerAccountsPage"), QStringLiteral("RevealRequestDialog"), QStringLiteral("EntryFormPanel"),
        QStringLiteral("OfflineWorkspace"), QStringLiteral("OutboxPage"), QStringLiteral("ServerEditDialog"),
        QStringLiteral("ServerSuspiciousPage"), QStringLiteral("ServerAssignDialog"),
        QStringLiteral("ServerCareDialog"), QStringLiteral("ServerOverduePage"), QStringLiteral("OfflineServicePanel"),
        QStringLiteral("ServerTiersPage")};
}

class KeyboardAudit
{
public:
    explicit KeyboardAudit(QString language)
        : m_language(std::move(language))
    {
    }

    // The character after the first single '&' of `text` ("&&" is a literal ampersand), or a null QChar.
    static QChar mnemonic(const QString& text)
    {
        for (qsizetype i = 0; i + 1 < text.size(); ++i) {
            if (text.at(i) != QLatin1Char('&'))
                continue;
            if (text.at(i + 1) == QLatin1Char('&')) {
                ++i;
                continue;
            }
            return text.at(i + 1);
        }
        return QChar();
    }

    // Walks `root` (a dialog, a wizard, a main window or a page) in every configuration of its stacked
    // widgets, tab widgets and wizard pages. `window` names it in the problems.
    void walk(const QString& window, QWidget* root)
    {
        root->resize(root->size().expandedTo(QSize(1100, 720)));
        root->show();
        recordClasses(root);
        if (auto* main = qobject_cast<QMainWindow*>(root); main && main->menuBar())
            checkMenus(window, main->menuBar());
        if (auto* wizard = qobject_cast<QWizard*>(root)) {
            const QList<int> ids = wizard->pageIds();
            for (int id : ids) {
                wizard->setStartId(id);
                wizard->restart();
                walkStacks(window + QStringLiteral(" › ") + pageName(wizard->page(id)), root);
            }
        } else {
            walkStacks(window, root);
        }
        root->hide();
    }

    QStringList problems() const { return m_problems; }
    // The class names (without namespace) of every widget walked, with their base classes.
    const QSet<QString>& walkedClasses() const { return m_classes; }

private:
    struct Entry
    {
        QChar key;
        QWidget* widget;
        QString text;
    };

    static QString pageName(QWidget* page)
    {
        if (!page)
            return QStringLiteral("?");
        if (auto* wizardPage = qobject_cast<QWizardPage*>(page); wizardPage && !wizardPage->title().isEmpty())
            return wizardPage->title();
        if (auto* area = qobject_cast<QScrollArea*>(page); area && area->widget())
            page = area->widget();
        if (!page->objectName().isEmpty())
            return page->objectName();
        return QString::fromLatin1(page->metaObject()->className());
    }

    static QString bare(const char* className)
    {
        QString name = QString::fromLatin1(className);
        return name.mid(name.lastIndexOf(QLatin1Char(':')) + 1);
    }

    void recordClasses(QWidget* root)
    {
        QList<QWidget*> widgets = root->findChildren<QWidget*>();
        widgets << root;
        for (QWidget* w : std::as_const(widgets)) {
            for (const QMetaObject* meta = w->metaObject(); meta; meta = meta->superClass())
                m_classes.insert(bare(meta->className()));
        }
    }

    static QString describe(QWidget* w)
    {
        QString name = w->objectName();
        if (name.isEmpty())
            name = QStringLiteral("<%1 without objectName>").arg(bare(w->metaObject()->className()));
        return name;
    }

    void report(const QString& window, const QString& what)
    {
        const QString line = QStringLiteral("[%1] %2: %3").arg(m_language, window, what);
        if (!m_problems.contains(line))
            m_problems << line;
    }

    // Walks every page of every stacked widget (tab widgets hold one), one at a time.
    void walkStacks(const QString& window, QWidget* root)
    {
        checkView(window, root);
        const QList<QStackedWidget*> stacks = root->findChildren<QStackedWidget*>();
        for (QStackedWidget* stack : stacks) {
            if (!inWindow(stack, root, false))
                continue;
            // show the path to this stack
            QList<QPair<QStackedWidget*, int>> saved;
            for (QWidget* c = stack; c && c != root; c = c->parentWidget()) {
                if (auto* outer = qobject_cast<QStackedWidget*>(c->parentWidget())) {
                    saved.prepend({outer, outer->currentIndex()});
                    setCurrent(outer, outer->indexOf(c));
                }
            }
            const int original = stack->currentIndex();
            for (int i = 0; i < stack->count(); ++i) {
                if (i == original)
                    continue; // seen in its outer page's view
                setCurrent(stack, i);
                checkView(window + QStringLiteral(" › ") + pageTitle(stack, i), root);
            }
            setCurrent(stack, original);
            for (auto it = saved.crbegin(); it != saved.crend(); ++it)
                setCurrent(it->first, it->second);
        }
    }

    static void setCurrent(QStackedWidget* stack, int index)
    {
        if (auto* tabs = qobject_cast<QTabWidget*>(stack->parentWidget()))
            tabs->setCurrentIndex(index);
        else
            stack->setCurrentIndex(index);
    }

    static QString pageTitle(QStackedWidget* stack, int index)
    {
        if (auto* tabs = qobject_cast<QTabWidget*>(stack->parentWidget()))
            return QString(tabs->tabText(index)).remove(QLatin1Char('&'));
        return pageName(stack->widget(index));
    }

    // `w` belongs to the view of `root` as it is now: not in another window, not on a page that is not the
    // current one, not inside a composite widget (a spin box's line edit). `strict`: also hidden widgets
    // are left out (tab order).
    static bool inWindow(QWidget* w, QWidget* root, bool strict)
    {
        if (strict && !w->isVisibleTo(root))
            return false;
        for (QWidget* c = w; c && c != root; c = c->parentWidget()) {
            if (c->isWindow())
                return false;
            QWidget* parent = c->parentWidget();
            if (auto* stack = qobject_cast<QStackedWidget*>(parent); stack && stack->currentWidget() != c)
                return false;
            if (auto* page = qobject_cast<QWizardPage*>(c)) {
                QWidget* up = page->parentWidget();
                while (up && !qobject_cast<QWizard*>(up))
                    up = up->parentWidget();
                if (up && static_cast<QWizard*>(up)->currentPage() != page)
                    return false;
            }
            if (c != w
                && (qobject_cast<QAbstractSpinBox*>(c) || qobject_cast<QComboBox*>(c)
                    || qobject_cast<QCalendarWidget*>(c)))
                return false;
        }
        return true;
    }

    static bool isInput(QWidget* w)
    {
        if (auto* edit = qobject_cast<QLineEdit*>(w))
            return !edit->isReadOnly();
        if (auto* edit = qobject_cast<QPlainTextEdit*>(w))
            return !edit->isReadOnly();
        if (auto* edit = qobject_cast<QTextEdit*>(w))
            return !edit->isReadOnly();
        if (auto* spin = qobject_cast<QAbstractSpinBox*>(w))
            return !spin->isReadOnly();
        return qobject_cast<QComboBox*>(w) || qobject_cast<QCheckBox*>(w) || qobject_cast<QRadioButton*>(w);
    }

    static bool plainLabel(const QLabel* label)
    {
        if (label->textFormat() == Qt::PlainText)
            return true;
        return label->textFormat() == Qt::AutoText && !Qt::mightBeRichText(label->text());
    }

    static QString quoted(const QString& text) { return QLatin1Char('"') + text + QLatin1Char('"'); }

    static QString fieldText(QWidget* w)
    {
        if (auto* button = qobject_cast<QAbstractButton*>(w))
            return button->text();
        if (!w->accessibleName().isEmpty())
            return w->accessibleName();
        if (auto* edit = qobject_cast<QLineEdit*>(w))
            return edit->placeholderText();
        return QString();
    }

    bool badKey(QChar key) const { return !(key.unicode() < 128 && key.isLetterOrNumber()); }

    void checkEntries(const QString& window, const QString& scope, const QList<Entry>& entries)
    {
        QMap<QChar, QList<Entry>> byKey;
        for (const Entry& entry : entries) {
            if (badKey(entry.key)) {
                report(window,
                    QStringLiteral("%1 %2: mnemonic on the non-Latin character '%3'")
                        .arg(describe(entry.widget), quoted(entry.text), entry.key));
                continue;
            }
            byKey[entry.key.toUpper()] << entry;
        }
        for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
            if (it->size() < 2)
                continue;
            QStringList who;
            for (const Entry& entry : *it)
                who << describe(entry.widget) + QLatin1Char(' ') + quoted(entry.text);
            who.sort();
            report(window,
                QStringLiteral("mnemonic %1 used %2 times %3: %4")
                    .arg(it.key())
                    .arg(it->size())
                    .arg(scope, who.join(QStringLiteral(", "))));
        }
    }

    void checkMenus(const QString& window, QMenuBar* bar)
    {
        for (QAction* action : bar->actions()) {
            if (QMenu* menu = action->menu())
                checkMenu(window + QStringLiteral(" › menu ") + QString(action->text()).remove(QLatin1Char('&')), menu);
        }
    }

    void checkMenu(const QString& window, QMenu* menu)
    {
        recordClasses(menu);
        QList<Entry> entries;
        for (QAction* action : menu->actions()) {
            if (action->isSeparator() || !action->isVisible())
                continue;
            const QChar key = mnemonic(action->text());
            if (key.isNull()) {
                report(window, QStringLiteral("menu item %1 has no mnemonic").arg(quoted(action->text())));
                continue;
            }
            entries << Entry {key, menu, action->text()};
            if (action->menu())
                checkMenu(
                    window + QStringLiteral(" › ") + QString(action->text()).remove(QLatin1Char('&')), action->menu());
        }
        checkEntries(window, QStringLiteral("in the menu"), entries);
        dump(window, entries);
    }

    // One view: the widgets shown together now.
    void checkView(const QString& window, QWidget* root)
    {
        QList<QWidget*> all = root->findChildren<QWidget*>();
        all.prepend(root);
        QList<QWidget*> shown;
        for (QWidget* w : std::as_const(all)) {
            if (inWindow(w, root, false))
                shown << w;
        }
        QList<Entry> entries;
        QSet<QWidget*> labelled; // inputs with a buddy label that has a mnemonic
        if (auto* main = qobject_cast<QMainWindow*>(root); main && main->menuBar()) {
            for (QAction* action : main->menuBar()->actions()) {
                const QChar key = mnemonic(action->text());
                if (!key.isNull() && action->isVisible())
                    entries << Entry {key, main->menuBar(), action->text()};
            }
        }
        for (QWidget* w : std::as_const(shown)) {
            if (auto* button = qobject_cast<QAbstractButton*>(w)) {
                const QChar key = mnemonic(button->text());
                if (!key.isNull())
                    entries << Entry {key, w, button->text()};
            } else if (auto* label = qobject_cast<QLabel*>(w)) {
                if (!plainLabel(label))
                    continue;
                const QChar key = mnemonic(label->text());
                if (key.isNull())
                    continue;
                if (!label->buddy()) {
                    report(window,
                        QStringLiteral("label %1 %2 has a mnemonic but no buddy")
                            .arg(describe(w), quoted(label->text())));
                    continue;
                }
                entries << Entry {key, w, label->text()};
                labelled.insert(label->buddy());
            } else if (auto* box = qobject_cast<QGroupBox*>(w)) {
                const QChar key = mnemonic(box->title());
                if (!key.isNull())
                    entries << Entry {key, w, box->title()};
            } else if (auto* bar = qobject_cast<QTabBar*>(w)) {
                for (int i = 0; i < bar->count(); ++i) {
                    const QChar key = mnemonic(bar->tabText(i));
                    if (!key.isNull() && bar->isTabVisible(i))
                        entries << Entry {key, w, bar->tabText(i)};
                }
            }
        }
        checkEntries(window, QStringLiteral("in one view"), entries);
        dump(window, entries);

        QList<QWidget*> inputs;
        for (QWidget* w : std::as_const(shown)) {
            if (!isInput(w))
                continue;
            inputs << w;
            if (qobject_cast<QAbstractButton*>(w)) {
                if (mnemonic(static_cast<QAbstractButton*>(w)->text()).isNull() && !labelled.contains(w))
                    report(window,
                        QStringLiteral("%1 %2 has no mnemonic of its own").arg(describe(w), quoted(fieldText(w))));
            } else if (!labelled.contains(w) && !switchedByCheckBox(w) && !repeatsLabelledRow(w, labelled)) {
                report(window,
                    QStringLiteral("input %1 %2 has no label with a mnemonic whose buddy it is")
                        .arg(describe(w), quoted(fieldText(w))));
            }
        }
        checkTabOrder(window, root, inputs);
    }

    // A field switched on by the check box with a mnemonic just before it on the same row ("From:" [date]).
    static bool switchedByCheckBox(QWidget* w)
    {
        QWidget* previous = w->previousInFocusChain();
        while (previous && previous != w && (previous->focusPolicy() & Qt::TabFocus) == 0)
            previous = previous->previousInFocusChain();
        auto* check = qobject_cast<QCheckBox*>(previous);
        return check && check->parentWidget() == w->parentWidget() && !mnemonic(check->text()).isNull();
    }

    // A field of a repeated row (a list of accounts): the column's label is the buddy of the first row's
    // field with the same object name.
    static bool repeatsLabelledRow(QWidget* w, const QSet<QWidget*>& labelled)
    {
        if (w->objectName().isEmpty())
            return false;
        for (QWidget* other : labelled) {
            if (other != w && other->objectName() == w->objectName() && other->parentWidget() == w->parentWidget())
                return true;
        }
        return false;
    }

    // Reading order of two widgets: compare the children of their lowest common ancestor that hold them:
    // side by side (overlapping rows) → left first, otherwise → top first.
    static bool readsBefore(QWidget* a, QWidget* b)
    {
        QList<QWidget*> pathA;
        for (QWidget* c = a; c; c = c->parentWidget())
            pathA.prepend(c);
        QList<QWidget*> pathB;
        for (QWidget* c = b; c; c = c->parentWidget())
            pathB.prepend(c);
        qsizetype i = 0;
        while (i < pathA.size() && i < pathB.size() && pathA.at(i) == pathB.at(i))
            ++i;
        if (i == 0 || i >= pathA.size() || i >= pathB.size())
            return false; // one holds the other
        for (qsizetype j = i - 1; j >= 0; --j) {
            if (pathA.at(j)->property("explicitTabOrder").toBool())
                return false;
        }
        const QRect ra = pathA.at(i)->geometry();
        const QRect rb = pathB.at(i)->geometry();
        const int overlap = qMin(ra.bottom(), rb.bottom()) - qMax(ra.top(), rb.top());
        if (overlap > qMin(ra.height(), rb.height()) / 2)
            return ra.left() < rb.left();
        return ra.top() < rb.top();
    }

    void checkTabOrder(const QString& window, QWidget* root, const QList<QWidget*>& inputs)
    {
        QList<QWidget*> candidates;
        for (QWidget* w : inputs) {
            if (!inWindow(w, root, true) || !w->isEnabled())
                continue;
            if (!(w->focusPolicy() & Qt::TabFocus)) {
                report(window,
                    QStringLiteral("input %1 %2 cannot be reached with Tab").arg(describe(w), quoted(fieldText(w))));
                continue;
            }
            candidates << w;
        }
        QList<QWidget*> chain;
        QWidget* w = root;
        for (int guard = 0; guard < 100000; ++guard) {
            w = w->nextInFocusChain();
            if (!w || w == root)
                break;
            if (candidates.contains(w) && !chain.contains(w))
                chain << w;
        }
        for (QWidget* missing : std::as_const(candidates)) {
            if (!chain.contains(missing))
                report(window,
                    QStringLiteral("input %1 %2 is not in the Tab chain")
                        .arg(describe(missing), quoted(fieldText(missing))));
        }
        for (qsizetype i = 1; i < chain.size(); ++i) {
            if (readsBefore(chain.at(i), chain.at(i - 1)))
                report(window,
                    QStringLiteral("Tab goes from %1 %2 to %3 %4, which comes before it on the screen")
                        .arg(describe(chain.at(i - 1)), quoted(fieldText(chain.at(i - 1))), describe(chain.at(i)),
                            quoted(fieldText(chain.at(i)))));
        }
    }

    // BV_KEYS_DUMP=<file>: every view's mnemonic texts, one line per view (tab-separated), for tools that
    // look for a free letter.
    void dump(const QString& window, const QList<Entry>& entries)
    {
        const QString path = qEnvironmentVariable("BV_KEYS_DUMP");
        if (path.isEmpty())
            return;
        QFile file(path);
        if (!file.open(QIODevice::Append | QIODevice::Text))
            return;
        QStringList texts {m_language, window};
        for (const Entry& entry : entries)
            texts << entry.text;
        file.write(texts.join(QLatin1Char('\t')).toUtf8() + '\n');
    }

    QString m_language;
    QStringList m_problems;
    QSet<QString> m_classes;
};

} // namespace bv::test
