"""The Analysis view, beside the reading and compare views: what was said, counted, in
five tabs (Speakers, Distinctive words, Concordance, Terms, Tags) over the open document
or the whole study.

A tab reads the study when it is shown and again only after something it counts changed
(a document opened, speakers merged or renamed, an annotation or the glossary edited).
Jumps to a passage go through the navigator, which shows the reading view."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.core.analysis import corpus
from desktop.ui.analysis.common import Scope, Tab
from desktop.ui.analysis.concordance_tab import ConcordanceTab
from desktop.ui.analysis.speakers_tab import SpeakersTab
from desktop.ui.analysis.tags_tab import TagsTab
from desktop.ui.analysis.terms_tab import TermsTab
from desktop.ui.analysis.words_tab import WordsTab
from desktop.ui.controllers.navigation import Navigator
from desktop.ui.session import Session

THIS_DOCUMENT, WHOLE_STUDY = 0, 1
SPEAKERS, WORDS, CONCORDANCE, TERMS, TAGS = range(5)


class AnalysisView(QWidget):
    """Speakers, distinctive words, concordance, terms and tags of the open document
    (or of every document)."""

    def __init__(self, session: Session, navigator: Navigator,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("analysis_view")
        self.session, self.navigator = session, navigator
        self._cutting = False  # words being cut on a worker thread
        self.scope_label = QLabel(self)
        self.scope = QComboBox(self)
        self.scope.setObjectName("analysis_scope")
        self.scope_label.setBuddy(self.scope)
        self.scope.currentIndexChanged.connect(self.refresh)
        self.title = QLabel(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("analysis_tabs")
        self.speakers = SpeakersTab(self.tabs)
        self.words = WordsTab(self.tabs)
        self.concordance = ConcordanceTab(self.tabs)
        self.terms = TermsTab(self.tabs)
        self.tags = TagsTab(self.tabs)
        for tab in self.all_tabs:
            self.tabs.addTab(tab, "")
        self.tabs.currentChanged.connect(self._tab_shown)
        self.words.word_chosen.connect(self.show_concordance)
        self.concordance.passage_chosen.connect(self.jump)
        self.tags.passage_chosen.connect(self.jump)
        top = QHBoxLayout()
        top.addWidget(self.scope_label)
        top.addWidget(self.scope)
        top.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.tabs)
        session.document_opened.connect(lambda _id: self.refresh())
        session.document_reloaded.connect(self.refresh)
        session.documents_changed.connect(self._documents_changed)
        session.changes_applied.connect(self._changes_applied)
        self.retranslate()
        self.refresh()

    @property
    def all_tabs(self) -> list[Tab]:
        return [self.speakers, self.words, self.concordance, self.terms, self.tags]

    def retranslate(self) -> None:
        """Texts in the interface language."""
        self.scope_label.setText(self.tr("Co&unt in:"))
        current = self.scope.currentIndex()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItems([self.tr("This document"), self.tr("Every document")])
        self.scope.setCurrentIndex(max(current, 0))
        self.scope.blockSignals(False)
        for index, text in enumerate((self.tr("&1 Speakers"), self.tr("&2 Distinctive words"),
                                      self.tr("&3 Concordance"), self.tr("&4 Terms"),
                                      self.tr("&5 Tags"))):
            self.tabs.setTabText(index, text)
        for tab in self.all_tabs:
            tab.retranslate()
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:  # light or dark: redraw the charts
            for tab in self.all_tabs:
                tab.stale = tab.scope is not None
            if self.isVisible():
                self.fill_current()
        super().changeEvent(event)

    def _update_title(self) -> None:
        if self.scope.currentIndex() == WHOLE_STUDY:
            self.title.setText(self.tr("%n document(s)", "", len(self.session.documents())
                                       if self.session.is_attached else 0))
        else:
            self.title.setText(self.session.document_title or self.tr("no document"))

    # ---- what to count --------------------------------------------------------------------

    def current_scope(self) -> Scope | None:
        """The study and the documents the tabs count in, or None before a study is open."""
        db = self.session.db
        if db is None:
            return None
        run = self.session.run_in_background
        if self.scope.currentIndex() == WHOLE_STUDY:
            return Scope(db, None, len(self.session.documents()) > 1, run)
        if self.session.document_id is None:
            return None
        return Scope(db, [self.session.document_id], False, run)

    def refresh(self) -> None:
        """Count again (the shown tab now, the others when they are shown)."""
        scope = self.current_scope()
        for tab in self.all_tabs:
            tab.set_scope(scope)
        self._update_title()
        if self.isVisible():
            self.fill_current()

    def fill_current(self) -> None:
        """Count for the tab shown, if it has to; words are cut on a worker thread first
        (a few seconds for megabytes of transcript), the window staying responsive."""
        tab = self.current_tab()
        scope = tab.scope
        if not tab.stale or scope is None:
            return
        if tab.needs_words and not corpus.is_cut(scope.db, scope.document_ids):
            if not self._cutting:
                self._cutting = True
                self.title.setText(self.tr("Cutting the transcript into words…"))
                ids = scope.document_ids
                self.session.run_in_background(lambda db, _progress: corpus.cut(db, ids),
                                               self._cut_done, self._cut_failed, writes=False)
            return
        tab.refresh_if_stale()

    def _cut_done(self, _result) -> None:
        self._cutting = False
        self._update_title()
        current = self.current_tab()
        if self.isVisible() and current.stale and current.scope is not None:
            current.refresh_if_stale()  # counted here if the words changed meanwhile

    def _cut_failed(self, exc: BaseException) -> None:
        self._cutting = False
        self._update_title()
        self.session.failed.emit(str(exc))

    def _documents_changed(self) -> None:
        if self.scope.currentIndex() == WHOLE_STUDY:
            self.refresh()

    def _changes_applied(self, changes) -> None:
        if getattr(changes, "annotations", False) and not (
                getattr(changes, "speakers", False) or getattr(changes, "glossary", False)):
            self.tags.set_scope(self.current_scope())
            if self.isVisible() and self.current_tab() is self.tags:
                self.fill_current()
            return
        self.refresh()

    def current_tab(self) -> Tab:
        return self.all_tabs[self.tabs.currentIndex()]

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.fill_current()

    def _tab_shown(self, _index: int) -> None:
        self.fill_current()

    # ---- moving on -----------------------------------------------------------------------

    def show_tab(self, index: int) -> None:
        """Show a tab (SPEAKERS ... TAGS) and put the keyboard in it."""
        self.tabs.setCurrentIndex(index)
        self.current_tab().setFocus()

    def show_concordance(self, word: str, speaker: str = "") -> None:
        """The concordance of `word` (of `speaker` only, when given)."""
        self.tabs.setCurrentIndex(CONCORDANCE)
        self.concordance.show_word(word, speaker)

    def jump(self, document_id: int, start: int, end: int) -> None:
        """Show a passage in the reading view, selected."""
        if self.navigator.go_to(document_id, start, end):
            self.navigator.view.setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape:
            self.navigator.reading.show_reading()
            self.navigator.view.setFocus()
            return
        super().keyPressEvent(event)
