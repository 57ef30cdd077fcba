"""Rebuilding paragraphs before labels are read, on records in the shapes they are published
in: parliamentary records hard-wrapped at a fixed width with running headers and page
numbers (with and without form feeds), English text wrapped by a tool, court transcripts with
numbered lines, and Chinese text out of a PDF with spaces between justified characters. And
the other side: ordinary transcripts, dialogue, plays, lists and poems stay exactly as they are.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.importing import bundled_sample_path
from desktop.core.importing.layout import Layout, rebuild
from desktop.core.importing.model import LayoutReport, SourceMark

# --- a traditional-Chinese Hansard, hard-wrapped at 36 wide characters ----------------------

HEADER = "立法會 ─ 2012年10月17日"
# The body of three pages as a text export lays it out: a speech runs on from page to page,
# line ends fall anywhere (`…告知本` / `會：`, `…詳情如` / `下：`), a line that would begin
# with a closing mark takes the character before it along (`…很久，` is one short).
HANSARD_PAGES = [
    """\
議員質詢的口頭答覆

公共租住房屋的輪候時間

1.王大文議員：主席，據報，輪候公共租住房屋的一般申請者的平均輪候時間，已
由2010年的兩年增加至現時接近三年，市民對此甚表關注。就此，政府可否告知本
會：(一)過去三年，每年新增的申請數目為何；及(二)當局有何具體措施縮短輪候
時間？
運輸及房屋局局長：主席，政府一直致力協助有需要的家庭入住公共租住房屋。過
""",
    """\
去三年，房屋委員會每年平均接獲約三萬宗新申請，各年的申請數目及分項詳情如
下：2010年為32 000宗、2011年為29 500宗，而2012年首九個月則為21 800宗。正
如我早前在本會所說，當局會繼續物色合適土地，並會在未來五年興建約七萬五千
個單位。有議員曾引述一位輪候多年的市民，他說：「我們一家四口已等了很久，
只希望早日上樓。」我們明白這種心情。
主席：王大文議員，你是否有補充質詢？
王大文議員：主席，局長剛才提到未來五年的建屋量，但據我了解，當中不少土地
仍未完成改劃程序。局長可否告訴我們，若改劃進度落後，當局有甚麼後備方案？
運輸及房屋局局長：主席，我們會密切留意每幅土地的進度，如有需要，會調整推
""",
    """\
展的次序，確保整體供應不受影響。
主席：第二項質詢。

長者醫療券計劃

2.李小梅議員：主席，長者醫療券計劃自2009年推行以來，使用醫療券的長者人數
不斷增加，但有意見指部分醫療服務提供者收費不合理。就此，政府可否告知本
會，當局有否監察收費的機制？
食物及衞生局局長：主席，當局一直有監察醫療券的使用情況。
""",
]

HANSARD_READ = """\
議員質詢的口頭答覆

公共租住房屋的輪候時間

1.王大文議員：主席，據報，輪候公共租住房屋的一般申請者的平均輪候時間，已由2010年的兩年增加至現時接近三年，市民對此甚表關注。就此，政府可否告知本會：(一)過去三年，每年新增的申請數目為何；及(二)當局有何具體措施縮短輪候時間？
運輸及房屋局局長：主席，政府一直致力協助有需要的家庭入住公共租住房屋。過去三年，房屋委員會每年平均接獲約三萬宗新申請，各年的申請數目及分項詳情如下：2010年為32 000宗、2011年為29 500宗，而2012年首九個月則為21 800宗。正如我早前在本會所說，當局會繼續物色合適土地，並會在未來五年興建約七萬五千個單位。有議員曾引述一位輪候多年的市民，他說：「我們一家四口已等了很久，只希望早日上樓。」我們明白這種心情。
主席：王大文議員，你是否有補充質詢？
王大文議員：主席，局長剛才提到未來五年的建屋量，但據我了解，當中不少土地仍未完成改劃程序。局長可否告訴我們，若改劃進度落後，當局有甚麼後備方案？
運輸及房屋局局長：主席，我們會密切留意每幅土地的進度，如有需要，會調整推展的次序，確保整體供應不受影響。
主席：第二項質詢。

長者醫療券計劃

2.李小梅議員：主席，長者醫療券計劃自2009年推行以來，使用醫療券的長者人數不斷增加，但有意見指部分醫療服務提供者收費不合理。就此，政府可否告知本會，當局有否監察收費的機制？
食物及衞生局局長：主席，當局一直有監察醫療券的使用情況。
"""


def hansard(separator: str) -> str:
    """The three pages, each under the running header and its page number (22, 23, 24)."""
    return separator.join(f"{HEADER}\n{22 + n}\n\n{body}" for n, body in enumerate(HANSARD_PAGES))


def starts(layout: Layout, mark: SourceMark) -> str:
    return layout.text[mark.offset : mark.offset + 12]


@pytest.mark.parametrize("separator", ["\f", ""], ids=["form feeds", "no form feeds"])
def test_a_hard_wrapped_hansard_reads_as_paragraphs(separator):
    layout = rebuild(hansard(separator))
    assert layout.text == HANSARD_READ
    assert layout.report == LayoutReport(paragraphs_joined=12, headers_removed=6)


@pytest.mark.parametrize("separator", ["\f", ""], ids=["form feeds", "no form feeds"])
def test_a_label_shaped_line_end_is_joined_not_made_a_speaker(separator):
    layout = rebuild(hansard(separator))
    lines = layout.text.split("\n")
    assert not [line for line in lines if line.startswith(("會：", "會，", "下：", "如我", "。」"))]
    assert "政府可否告知本會：(一)" in layout.text
    assert "詳情如下：2010年" in layout.text
    assert "他說：「我們一家四口已等了很久，只希望早日上樓。」" in layout.text


def test_a_full_line_that_ends_a_question_does_not_swallow_the_next_speaker():
    # `…後備方案？` fills its line; `運輸及房屋局局長：` below it opens the answer.
    layout = rebuild(hansard("\f"))
    assert "\n運輸及房屋局局長：主席，我們會密切留意" in layout.text


@pytest.mark.parametrize("separator", ["\f", ""], ids=["form feeds", "no form feeds"])
def test_hansard_pages_are_marked_with_their_printed_numbers(separator):
    layout = rebuild(hansard(separator))
    assert [m.page for m in layout.marks] == ["22", "23", "24"]
    assert all(m.line is None and m.time_ms is None for m in layout.marks)
    assert [starts(layout, m) for m in layout.marks] == [
        "議員質詢的口頭答覆\n\n公", "去三年，房屋委員會每年平", "展的次序，確保整體供應不"]
    # The page break falls inside a sentence: the mark is inside the paragraph.
    assert layout.text[layout.marks[1].offset - 4 : layout.marks[1].offset] == "房屋。過"


def test_headers_written_with_pdf_spacing_are_one_header():
    pages = [f"立 法 會 ─ 2012年 {10 + n % 2}月 {17 + n}日\n{body}- {22 + n} -\n"
             for n, body in enumerate(HANSARD_PAGES)]
    layout = rebuild("\f".join(pages), from_pdf=True)
    assert layout.text == HANSARD_READ
    assert [m.page for m in layout.marks] == ["22", "23", "24"]


# --- English, wrapped at 72 columns by a tool ---------------------------------------------

ENGLISH = """\
Mr. Speaker, last week the Minister of Transport told this House that
the new rail link between the airport and the city centre would open on
time and within its budget. Since then the contractor has said publicly
that its tunnel is now at least eight months behind, and that the well-
known consultancy hired by the department to watch over it has resigned.
I therefore put this question, for my constituents, to the Honourable
Member: will the minister now publish the contractor's latest schedule?

Hon. Jane Smith (Minister of Transport): Mr. Speaker, I thank the member
for his question. The schedule is reviewed every month by the project
board, and the board's most recent report, which I tabled on Monday,
shows that the opening date has not changed.

The Speaker: Order, please. The honourable member for Riverside.

Mr. Tom Brown (Riverside): Mr. Speaker, the report the minister tabled
on Monday is dated in March, before the consultancy resigned, so it can\u00ad
not tell this House anything about the delay that the contractor has
now admitted in public.
"""

ENGLISH_READ = """\
Mr. Speaker, last week the Minister of Transport told this House that the new rail link \
between the airport and the city centre would open on time and within its budget. Since then \
the contractor has said publicly that its tunnel is now at least eight months behind, and that \
the well-known consultancy hired by the department to watch over it has resigned. I therefore \
put this question, for my constituents, to the Honourable Member: will the minister now \
publish the contractor's latest schedule?

Hon. Jane Smith (Minister of Transport): Mr. Speaker, I thank the member for his question. \
The schedule is reviewed every month by the project board, and the board's most recent \
report, which I tabled on Monday, shows that the opening date has not changed.

The Speaker: Order, please. The honourable member for Riverside.

Mr. Tom Brown (Riverside): Mr. Speaker, the report the minister tabled on Monday is dated in \
March, before the consultancy resigned, so it cannot tell this House anything about the delay \
that the contractor has now admitted in public.
"""


def test_english_wrapped_lines_join_with_one_space():
    layout = rebuild(ENGLISH)
    assert layout.text == ENGLISH_READ
    assert layout.marks == ()
    assert layout.report == LayoutReport(paragraphs_joined=12)


def test_a_hyphen_at_a_line_end_is_kept_and_a_soft_hyphen_is_not():
    layout = rebuild(ENGLISH)
    assert "the well-known consultancy" in layout.text  # not `well- known`, not `wellknown`
    assert "so it cannot tell" in layout.text and "\u00ad" not in layout.text


def test_a_hyphen_written_as_a_soft_hyphen_everywhere_stays():
    # Some PDF extractors write each hyphen as U+00AD, inside lines too: it is a hyphen.
    text = ENGLISH.replace("well-\n", "well\u00ad\n").replace(
        "Mr. Speaker, last week", "Mr. Speaker, last\u00adweek")
    layout = rebuild(text)
    assert "the well\u00adknown consultancy" in layout.text
    assert "so it can\u00adnot tell" in layout.text


def test_speeches_without_blank_lines_between_stay_apart():
    # A line that fills the width and ends a sentence, then a label: a new speech.
    text = ENGLISH.replace("schedule?\n\n", "schedule?\n").replace("changed.\n\n", "changed.\n")
    layout = rebuild(text)
    assert "latest schedule?\nHon. Jane Smith (Minister of Transport): Mr. Speaker" in layout.text
    assert "has not changed.\nThe Speaker: Order, please." in layout.text


def test_no_trailing_spaces_from_joins():
    padded = "".join(line + "   \n" for line in ENGLISH.splitlines())
    layout = rebuild(padded)
    # A joined line loses its trailing spaces; a paragraph's last line keeps its own.
    assert layout.text == "".join(f"{p}   \n" if p else "\n" for p in ENGLISH_READ.splitlines())


# --- a court transcript: 25 numbered lines a page ------------------------------------------

COURT_HEADER = "Official - Subject to Final Review"
COURT_FOOTER = "                          Alderson Reporting Company"
COURT_PAGES = [
    """\
 1             IN THE SUPREME COURT OF THE UNITED STATES
 2   - - - - - - - - - - - - - - - - - x
 3   JOHN DOE, ET AL.,                    :
 4               Petitioners              :
 5          v.                            : No. 11-123
 6   ACME SHIPPING CORP., ET AL.          :
 7   - - - - - - - - - - - - - - - - - x
 8                     Washington, D.C.
 9                     Tuesday, February 28, 2012
10
11             The above-entitled matter came on for oral
12   argument before the Supreme Court of the United States
13   at 10:04 a.m.
14   APPEARANCES:
15   JANE ROE, ESQ., New York, New York; on behalf of
16     Petitioners.
17   RICHARD POE, ESQ., Washington, D.C.; on behalf of
18     Respondents.
19
20
21
22
23
24
25""",
    """\
 1                         C O N T E N T S
 2   ORAL ARGUMENT OF                                   PAGE
 3   JANE ROE, ESQ.
 4     On behalf of the Petitioners                        3
 5   ORAL ARGUMENT OF
 6   RICHARD POE, ESQ.
 7     On behalf of the Respondents                       21
 8   REBUTTAL ARGUMENT OF
 9   JANE ROE, ESQ.
10     On behalf of the Petitioners                       40
11
12
13
14
15
16
17
18
19
20
21
22
23
24
25""",
    """\
 1                     P R O C E E D I N G S
 2                                              (10:04 a.m.)
 3             CHIEF JUSTICE ROBERTS:    We'll hear
 4   argument first this morning in Case 11-123, Doe
 5   v. Acme Shipping.
 6             Ms. Roe.
 7                 ORAL ARGUMENT OF JANE ROE
 8                ON BEHALF OF THE PETITIONERS
 9             MS. ROE:    Mr. Chief Justice, and may it
10   please the Court:
11             This case asks whether a company that
12   ships goods through a port may be sued here for
13   harms that happened far from that port.
14             JUSTICE KENNEDY:    Ms. Roe, before you go
15   on, could you tell us what the statute says
16   about that?
17             MS. ROE:    It says nothing about it,
18   Justice Kennedy, and that is our point. The
19   statute was written in 1789 --
20             JUSTICE SCALIA:    Well, it says
21   nothing about ships either.
22             (Laughter.)
23             MS. ROE:    That is true, Justice Scalia,
24   but the First Congress knew about ships, and it
25   wrote a statute that reaches""",
]

COURT_READ = """\
IN THE SUPREME COURT OF THE UNITED STATES
- - - - - - - - - - - - - - - - - x
JOHN DOE, ET AL., :
Petitioners :
v. : No. 11-123
ACME SHIPPING CORP., ET AL. :
- - - - - - - - - - - - - - - - - x
Washington, D.C.
Tuesday, February 28, 2012

The above-entitled matter came on for oral argument before the Supreme Court of the United \
States at 10:04 a.m.
APPEARANCES:
JANE ROE, ESQ., New York, New York; on behalf of Petitioners.
RICHARD POE, ESQ., Washington, D.C.; on behalf of Respondents.

C O N T E N T S
ORAL ARGUMENT OF PAGE
JANE ROE, ESQ.
On behalf of the Petitioners 3
ORAL ARGUMENT OF
RICHARD POE, ESQ.
On behalf of the Respondents 21
REBUTTAL ARGUMENT OF
JANE ROE, ESQ.
On behalf of the Petitioners 40

P R O C E E D I N G S
(10:04 a.m.)
CHIEF JUSTICE ROBERTS: We'll hear argument first this morning in Case 11-123, Doe v. Acme \
Shipping.
Ms. Roe.
ORAL ARGUMENT OF JANE ROE
ON BEHALF OF THE PETITIONERS
MS. ROE: Mr. Chief Justice, and may it please the Court:
This case asks whether a company that ships goods through a port may be sued here for harms \
that happened far from that port.
JUSTICE KENNEDY: Ms. Roe, before you go on, could you tell us what the statute says about that?
MS. ROE: It says nothing about it, Justice Kennedy, and that is our point. The statute was \
written in 1789 --
JUSTICE SCALIA: Well, it says nothing about ships either.
(Laughter.)
MS. ROE: That is true, Justice Scalia, but the First Congress knew about ships, and it wrote \
a statute that reaches
"""


def court(separator: str) -> str:
    """The three pages with their header, page number (top right) and reporter's footer."""
    return separator.join(f"{COURT_HEADER}\n{n:>70}\n\n{body}\n\n{COURT_FOOTER}\n"
                          for n, body in enumerate(COURT_PAGES, start=1))


@pytest.mark.parametrize("separator", ["\f", ""], ids=["form feeds", "no form feeds"])
def test_court_line_numbers_and_page_furniture_leave_the_text(separator):
    layout = rebuild(court(separator))
    assert layout.text == COURT_READ
    assert layout.report == LayoutReport(paragraphs_joined=16, headers_removed=9,
                                         line_numbers_removed=75)


@pytest.mark.parametrize("separator", ["\f", ""], ids=["form feeds", "no form feeds"])
def test_court_lines_keep_their_page_and_line_for_citations(separator):
    layout = rebuild(court(separator))
    pages = [m for m in layout.marks if m.line is None]
    assert [m.page for m in pages] == ["1", "2", "3"]
    assert [starts(layout, m) for m in pages] == ["IN THE SUPRE", "C O N T E N ", "P R O C E E "]
    lines = {(m.page, m.line): m for m in layout.marks if m.line is not None}
    assert len(lines) == 17 + 10 + 25  # every numbered line with text on it
    assert starts(layout, lines["3", 3]) == "CHIEF JUSTIC"
    assert starts(layout, lines["3", 4]) == "argument fir"  # inside the joined speech
    assert starts(layout, lines["3", 5]) == "v. Acme Ship"
    assert starts(layout, lines["3", 22]) == "(Laughter.)\n"
    assert starts(layout, lines["1", 16]) == "Petitioners."
    offsets = [m.offset for m in layout.marks]
    assert offsets == sorted(offsets)


def test_the_page_of_a_passage_is_the_last_mark_before_it():
    layout = rebuild(court("\f"))
    at = layout.text.index("could you tell us")
    mark = [m for m in layout.marks if m.offset <= at][-1]
    assert (mark.page, mark.line) == ("3", 15)


def test_court_lines_extracted_with_single_spaces():
    # Some PDF extractors keep one space after the number and none of the indents.
    pages = ["\n".join(" ".join(line.split()) for line in body.split("\n"))
             for body in COURT_PAGES]
    text = "\f".join(f"{COURT_HEADER}\n{n}\n{body}\n{COURT_FOOTER.strip()}\n"
                     for n, body in enumerate(pages, start=1))
    layout = rebuild(text, from_pdf=True)
    assert layout.report.line_numbers_removed == 75
    assert layout.report.headers_removed == 9
    text = layout.text
    assert "\nCHIEF JUSTICE ROBERTS: We'll hear argument first this morning" in text
    assert "\nJUSTICE KENNEDY: Ms. Roe, before you go on, could you tell us" in text
    assert "\nMS. ROE: That is true, Justice Scalia, but the First Congress" in text
    assert "Alderson" not in text and "Official" not in text


@pytest.mark.parametrize("separator", ["\f", "\n"], ids=["form feeds", "no form feeds"])
def test_court_lines_extracted_one_to_a_paragraph(separator):
    # Another extractor's way: an empty line after every numbered line, one space after
    # each number, no page number, the footer then the next page's header between pages.
    pages = [f"{COURT_HEADER}\n\n" + "\n\n".join(" ".join(line.split()) for line in body.split("\n"))
             + f"\n\n{COURT_FOOTER.strip()}\n\n" for body in COURT_PAGES]
    layout = rebuild(separator.join(pages))
    assert layout.report.line_numbers_removed == 75
    assert layout.report.headers_removed == 6
    assert "Alderson" not in layout.text and "Official" not in layout.text
    assert "\nMS. ROE: It says nothing about it, Justice Kennedy, and that is our point. The " \
           "statute was written in 1789 --\nJUSTICE SCALIA: Well, it says nothing" in layout.text
    assert [m.page for m in layout.marks if m.line is None] == ["1", "2", "3"]


# --- Chinese out of a PDF: justified lines with a space between characters -----------------

PDF_CJK = (
    "立 法 會 ─ 2012年 11月 21日\n"
    "主席：我現在請環境局局長發言。\n"
    "環 境 局 局 長：主 席，政 府 就 空 氣 質 素 指 標 的 檢\n"
    "討 結 果，在 2011年 5月 完 成 為 期 三 個 月 的 公 眾\n"
    "諮 詢，收 到 約 六 千 份 意 見 書。正 如 我 們 早 前 向\n"
    "本 會 表 示，當 局 會 參 考 世 界 衞 生 組 織(WHO)的\n"
    "指 引，分 階 段 收 緊 各 項 指 標，並 會 就 此 向 本 會\n"
    "- 1 -\n"
    "\f立 法 會 ─ 2012年 11月 21日\n"
    "提交修訂條例草案。\n"
    "陳 志 強 議 員：主 席，局 長 剛 才 說 會 分 階 段 收 緊\n"
    "指 標，但 市 民 最 關 心 的 其 實 是 路 邊 空 氣 污 染 的\n"
    "問 題。就 此，我 想 請 問 特 區 政 府 可 否 告 知 本\n"
    "會：當局會在何時公布具體的時間表？\n"
    "環 境 局 局 長：主 席，我 們 會 在 明 年 首 季 公 布 時\n"
    "- 2 -\n"
    "\f立 法 會 ─ 2012年 11月 21日\n"
    "間表。\n"
    "- 3 -\n"
)

PDF_CJK_READ = """\
主席：我現在請環境局局長發言。
環境局局長：主席，政府就空氣質素指標的檢討結果，在2011年5月完成為期三個月的公眾諮詢，收到約六千份意見書。正如我們早前向本會表示，當局會參考世界衞生組織(WHO)的指引，分階段收緊各項指標，並會就此向本會提交修訂條例草案。
陳志強議員：主席，局長剛才說會分階段收緊指標，但市民最關心的其實是路邊空氣污染的問題。就此，我想請問特區政府可否告知本會：當局會在何時公布具體的時間表？
環境局局長：主席，我們會在明年首季公布時間表。
"""


def test_justified_chinese_from_a_pdf_loses_its_spaces_and_line_breaks():
    layout = rebuild(PDF_CJK, from_pdf=True)
    assert layout.text == PDF_CJK_READ
    assert layout.report == LayoutReport(paragraphs_joined=9, headers_removed=6)
    assert [(m.page, starts(layout, m)) for m in layout.marks] == [
        ("1", "主席：我現在請環境局局長"), ("2", "提交修訂條例草案。\n陳志"), ("3", "間表。\n")]


def test_spaces_between_latin_words_stay_in_pdf_text():
    line = "政 府 會 與 世 界 衞 生 組 織 (World Health Organization) 合 作 。"
    text = "\f".join([line + "\n"] * 2)
    layout = rebuild(text, from_pdf=True)
    assert layout.text == "政府會與世界衞生組織 (World Health Organization) 合作。\n" * 2
    # A line of English with a few spaced characters in it is left alone.
    latin = "Members of 立 法 會 spoke in English and in Chinese on that day.\n"
    assert rebuild(latin, from_pdf=True).text is latin


def test_without_from_pdf_spaces_between_characters_stay():
    assert rebuild(PDF_CJK).text.count("環 境 局 局 長") == 2


# --- pages and their numbers -----------------------------------------------------------------

PARAGRAPHS = ["主持人：歡迎各位。", "張三：謝謝主持人。", "李四：我補充一點。"]


@pytest.mark.parametrize("number", ["{}", "- {} -", "第 {} 页", "Page {} of 80", "Page {}"])
def test_page_number_lines_in_any_common_form_are_left_out(number):
    text = "\f".join(f"{p}\n\n{number.format(n)}\n" for n, p in enumerate(PARAGRAPHS, start=7))
    layout = rebuild(text)
    assert layout.text == "\n".join(PARAGRAPHS) + "\n"
    assert layout.report.headers_removed == 3
    assert [m.page for m in layout.marks] == ["7", "8", "9"]
    assert [layout.text[m.offset :] for m in layout.marks] == [
        layout.text, "\n".join(PARAGRAPHS[1:]) + "\n", PARAGRAPHS[2] + "\n"]


def test_form_feeds_alone_give_page_marks_and_nothing_else_changes():
    text = "甲：你好。\n乙：你好。\n\f甲：再見。\n\n乙：再見。\n"
    layout = rebuild(text)
    assert layout.text == "甲：你好。\n乙：你好。\n甲：再見。\n\n乙：再見。\n"
    assert layout.marks == (SourceMark(0, page="1"), SourceMark(12, page="2"))
    assert layout.report == LayoutReport()


def test_a_page_without_its_number_follows_its_neighbours():
    bodies = [*HANSARD_PAGES, "主席：本會現在休會。\n", "（會議於下午6時正結束）\n"]
    pages = [f"{HEADER}\n{22 + n}\n{body}" for n, body in enumerate(bodies)]
    pages[1] = pages[1].replace(f"{HEADER}\n23\n", f"{HEADER}\n")
    layout = rebuild("\f".join(pages))
    assert [m.page for m in layout.marks] == ["22", "23", "24", "25", "26"]
    assert layout.text.startswith(HANSARD_READ)


def test_speech_lines_that_recur_at_page_edges_are_kept():
    # 謝謝主席。 opens four pages of six and （笑） closes three: speech, not furniture.
    names = ["陳議員", "李議員", "張議員", "黃議員", "何議員", "劉議員"]
    speeches = [f"{'謝謝主席。' if n < 4 else '主席：請坐。'}\n{name}：我想補充一點。\n"
                f"{'（笑）' if n % 2 == 0 else '主席：好。'}\n" for n, name in enumerate(names)]
    layout = rebuild("\f".join(speeches))
    assert layout.report.headers_removed == 0
    assert layout.text.count("謝謝主席。") == 4 and layout.text.count("（笑）") == 3


def test_a_header_on_two_pages_only_is_kept():
    pages = [f"{HEADER}\n{p}\n" if n < 2 else f"{p}\n" for n, p in enumerate(PARAGRAPHS * 2)]
    layout = rebuild("\f".join(pages))
    assert layout.text.count(HEADER) == 2
    assert layout.report.headers_removed == 0


# --- what must stay exactly as it is -------------------------------------------------------

DIALOGUE = "\n".join(["甲：好。", "乙：好什么好？", "甲：你听我说。", "乙：说吧。"] * 12) + "\n"

PLAY = """\
第一幕

〔幕启。北京，裕泰大茶馆。〕

王利发　哟，二位爷来了！
常四爷　来啦。给我沏一壶。
二德子：你这是成心跟我过不去？
常四爷：我没说您什么呀。
松二爷/常四爷：好！
〔王利发下。〕
二德子：哼，我可告诉你！
王利发：二位，二位，都是老街旧邻，有话好说。
"""

MARKDOWN = """\
# 圆桌实录

- 主持人：杨静
- 嘉宾：陈虞君、张家俊、吴韶华
- 时间：2023年11月

## 第一部分

1. 大模型的业务布局
2. 技术突破口在哪里
3. 算力如何破局

**杨静**：百模大战各显神通，头部的玩家结合自己的优势布局大模型。
**陈虞君**：提升大模型长文本能力，降低幻觉问题。
"""

POEM = """\
静夜思

床前明月光，
疑是地上霜。
举头望明月，
低头思故乡。

The woods are lovely, dark and deep,
But I have promises to keep,
And miles to go before I sleep,
And miles to go before I sleep.
"""

# One paragraph a line, no blank lines, lines of every length: an interview as typed.
INTERVIEW = "\n".join(
    f"{'记者' if n % 2 else '受访者'}：" + "这个问题我们讨论过很多次，" * (1 + n * 7 % 9) + "结论是一样的。"
    for n in range(40)) + "\n"

# Lines that recur at a steady pace through a record: a lone label, thanks, laughter.
STEADY = "".join(f"主席：\n議員{n}：我支持這項議案，理由如下。\n謝謝主席。\n（笑）\n"
                 + "議員：請繼續。\n" * 10 for n in range(8))


@pytest.mark.parametrize("text", [DIALOGUE, PLAY, MARKDOWN, POEM, INTERVIEW, STEADY],
                         ids=["dialogue", "play", "markdown", "poem", "interview", "steady"])
@pytest.mark.parametrize("from_pdf", [False, True], ids=["text", "pdf"])
def test_ordinary_transcripts_come_back_as_they_are(text, from_pdf):
    layout = rebuild(text, from_pdf=from_pdf)
    assert layout.text is text
    assert layout.marks == ()
    assert layout.report == LayoutReport()


@pytest.mark.parametrize("from_pdf", [False, True], ids=["text", "pdf"])
def test_the_bundled_sample_comes_back_as_it_is(from_pdf):
    sample = bundled_sample_path().read_text(encoding="utf-8")
    layout = rebuild(sample, from_pdf=from_pdf)
    assert layout.text is sample
    assert layout.marks == ()
    assert layout.report == LayoutReport()


def test_empty_and_tiny_texts():
    for text in ("", "\n", "甲：好。", "\f", "a\fb"):
        layout = rebuild(text)
        assert "".join(layout.text.split()) == "".join(text.split())


# --- properties ------------------------------------------------------------------------------

_CJK_RUN = st.text(alphabet="主席政府本會議員局長的是在了，。：「」（）", min_size=1, max_size=40)
_LATIN_RUN = st.lists(st.sampled_from(["the", "Court", "said", "MR.", "SMITH:", "well-", "known",
                                       "2011", "22", "Q.", "-", "(Laughter.)"]),
                      min_size=1, max_size=14).map(" ".join)
_LINE = st.one_of(_CJK_RUN, _LATIN_RUN, st.just(""), st.just(HEADER), st.just("- 3 -"),
                  st.builds(lambda n, s: f"{n:>2}   {s}", st.integers(1, 27), _LATIN_RUN),
                  st.just("\f"), st.builds(lambda s: " ".join(s), _CJK_RUN))


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(char in it for char in short)


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(_LINE, max_size=60), from_pdf=st.booleans(), end=st.sampled_from(["", "\n"]))
def test_nothing_but_spaces_is_lost_unless_it_was_furniture(lines, from_pdf, end):
    text = "\n".join(lines) + end
    layout = rebuild(text, from_pdf=from_pdf)
    kept = "".join(layout.text.split())
    source = "".join(text.split())
    assert _is_subsequence(kept, source)
    if not layout.report.headers_removed and not layout.report.line_numbers_removed:
        assert kept == source
    offsets = [m.offset for m in layout.marks]
    assert offsets == sorted(offsets)
    assert all(0 <= offset <= len(layout.text) for offset in offsets)
    assert "\f" not in layout.text
    if "\f" not in text and not from_pdf and layout.report == LayoutReport():
        assert layout.text is text


def wrap_columns(paragraph: str, columns: int) -> list[str]:
    """Cut a paragraph into lines of at most `columns` display columns, as an export does."""
    lines, line, used = [], "", 0
    for char in paragraph:
        width = 1 if char.isascii() else 2
        if used + width > columns:
            lines.append(line)
            line, used = "", 0
        line += char
        used += width
    return [*lines, line]


_CHINESE = st.lists(st.sampled_from(["政府", "本會", "議員", "主席", "局長", "市民", "2011年",
                                     "，", "「時間」", "問題", "32 000宗"]),
                    min_size=20, max_size=150).map("".join)


@settings(max_examples=100, deadline=None)
@given(paragraphs=st.lists(_CHINESE, min_size=3, max_size=12), columns=st.integers(30, 76),
       blank=st.sampled_from(["\n", "\n\n"]))
def test_chinese_wrapped_at_any_width_reads_back_as_written(paragraphs, columns, blank):
    paragraphs = [p + "。" for p in paragraphs]
    wrapped = blank.join("\n".join(wrap_columns(p, columns)) for p in paragraphs) + "\n"
    layout = rebuild(wrapped)
    assert layout.report.paragraphs_joined  # the evidence is there: it must be used
    assert "".join(layout.text.split()) == "".join(wrapped.split())
    if blank == "\n\n":  # with an empty line between, every paragraph is found again
        assert layout.text == blank.join(paragraphs) + "\n"
        return
    # Without one, a paragraph whose last line happens to be full runs into the next one;
    # no paragraph is ever cut.
    rest = list(paragraphs)
    for line in layout.text.rstrip("\n").split("\n"):
        while line:
            assert line.startswith(rest[0])
            line = line[len(rest.pop(0)) :]
    assert not rest


_WORDS = st.lists(st.sampled_from(["the", "statute", "Court", "port", "ships", "--", "1789",
                                   "said", "JUSTICE", "Q.", "(Laughter.)"]),
                  min_size=1, max_size=9).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(pages=st.lists(st.lists(_WORDS, min_size=25, max_size=25), min_size=1, max_size=4),
       separator=st.sampled_from(["\f", ""]), gap=st.sampled_from(["   ", " "]))
def test_each_numbered_line_is_marked_where_its_text_begins(pages, separator, gap):
    text = separator.join(
        f"{COURT_HEADER}\n{n}\n" + "".join(f"{i:>2}{gap}{line}\n" for i, line in
                                            enumerate(page, start=1)) + f"{COURT_FOOTER}\n"
        for n, page in enumerate(pages, start=1))
    layout = rebuild(text)
    assert layout.report.line_numbers_removed == 25 * len(pages)
    lines = [m for m in layout.marks if m.line is not None]
    known = len(pages) > 1  # one page, and no form feed: no page to name
    assert [(m.page, m.line) for m in lines] == [
        (str(p) if known else "", i) for p in range(1, len(pages) + 1) for i in range(1, 26)]
    for mark, line in zip(lines, [line for page in pages for line in page], strict=True):
        assert layout.text[mark.offset :].startswith(line)
    if len(pages) >= 3:
        assert "Alderson" not in layout.text and "Official" not in layout.text
