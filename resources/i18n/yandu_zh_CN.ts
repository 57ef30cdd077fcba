<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desktop/ui/actions.py" line="128"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="129"/>
        <source>Import transcripts into the study</source>
        <translation>将文字稿导入研究库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="131"/>
        <source>Import with p&amp;review…</source>
        <translation>预览后导入(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="133"/>
        <source>&amp;New document from clipboard…</source>
        <translation>从剪贴板新建文档(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="134"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="135"/>
        <source>Export the notes to a file</source>
        <translation>把笔记导出为文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="136"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="138"/>
        <source>Export to P&amp;DF…</source>
        <translation>导出为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="139"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="141"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="142"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="144"/>
        <source>&amp;Search…</source>
        <translation>搜索(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="145"/>
        <source>Next search result</source>
        <translation>下一个搜索结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="147"/>
        <source>Previous search result</source>
        <translation>上一个搜索结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="149"/>
        <source>&amp;Annotate selection…</source>
        <translation>批注所选文字(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="150"/>
        <source>Write a note on the selected text</source>
        <translation>为所选文字写批注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="151"/>
        <source>&amp;Edit annotation…</source>
        <translation>编辑批注(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="152"/>
        <source>&amp;Delete annotation</source>
        <translation>删除批注(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="154"/>
        <source>Next turn</source>
        <translation>下一段发言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="155"/>
        <source>Previous turn</source>
        <translation>上一段发言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="156"/>
        <source>Next section</source>
        <translation>下一个问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="157"/>
        <source>Previous section</source>
        <translation>上一个问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="158"/>
        <source>Next annotation</source>
        <translation>下一条批注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="159"/>
        <source>Previous annotation</source>
        <translation>上一条批注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="161"/>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="162"/>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="163"/>
        <source>Switch reading / compare view</source>
        <translation>切换阅读 / 对比视图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="165"/>
        <source>Show all speakers</source>
        <translation>显示全部发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="166"/>
        <source>Show narration</source>
        <translation>显示旁白</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="168"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="169"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="170"/>
        <source>Go to the transcript</source>
        <translation>转到文字稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="172"/>
        <source>Go to the documents panel</source>
        <translation>转到文档面板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="174"/>
        <source>Go to the speakers panel</source>
        <translation>转到发言人面板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="176"/>
        <source>Go to the annotations panel</source>
        <translation>转到批注面板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="179"/>
        <source>Go to the search results</source>
        <translation>转到搜索结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="180"/>
        <source>Interface in English</source>
        <translation>界面使用英文 (English)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="182"/>
        <source>Interface in Chinese (中文)</source>
        <translation>界面使用中文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="184"/>
        <source>&amp;Rename speaker…</source>
        <translation>重命名发言人(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="185"/>
        <source>&amp;Merge speaker into…</source>
        <translation>合并发言人到(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="187"/>
        <source>Set r&amp;ole…</source>
        <translation>设置身份(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="188"/>
        <source>Set &amp;colour…</source>
        <translation>设置颜色(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="189"/>
        <source>Toggle m&amp;oderator</source>
        <translation>切换主持人(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="191"/>
        <source>Make &amp;narration</source>
        <translation>改为旁白(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="192"/>
        <source>&amp;Give turn to speaker…</source>
        <translation>将发言交给发言人(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="193"/>
        <source>Give the turn at the cursor (or the selected turns) to another speaker, a new one, or narration</source>
        <translation>把光标所在的发言（或所选的几段发言）改归另一位发言人、新发言人或旁白</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="196"/>
        <source>&amp;Split turn at cursor</source>
        <translation>在光标处拆分发言(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="198"/>
        <source>&amp;Join with next turn</source>
        <translation>与下一段发言合并(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="199"/>
        <source>Join the turn at the cursor with the next one (or the selected turns into one)</source>
        <translation>把光标所在的发言与下一段合并（或把所选的几段合为一段）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="202"/>
        <source>Make turn a section &amp;heading</source>
        <translation>设为分节标题(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="204"/>
        <source>&amp;Remove section heading</source>
        <translation>删除分节标题(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="205"/>
        <source>Remove the section the cursor is in: its turns join the section before it</source>
        <translation>删除光标所在的分节：其中的发言并入前一节</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="215"/>
        <source>Mark glossary terms</source>
        <translation>标出术语</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="217"/>
        <source>Add &amp;term from selection…</source>
        <translation>将所选文字加为术语(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="219"/>
        <source>Add the selected text to the glossary</source>
        <translation>把所选文字加入术语表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="220"/>
        <source>&amp;Open the term at the cursor</source>
        <translation>打开光标处的术语(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="222"/>
        <source>Show the glossary entry of the marked term under the text cursor</source>
        <translation>显示光标处所标术语的词条</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="224"/>
        <source>&amp;Edit term…</source>
        <translation>编辑术语(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="226"/>
        <source>Reset term to the &amp;built-in text</source>
        <translation>恢复为内置释义(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="228"/>
        <source>&amp;Remove term</source>
        <translation>删除术语(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="229"/>
        <source>Go to the glossary panel</source>
        <translation>转到术语面板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="231"/>
        <source>&amp;Suggest terms from this document</source>
        <translation>从本文档推荐术语(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="233"/>
        <source>&amp;Accept suggestion</source>
        <translation>采纳推荐(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="235"/>
        <source>&amp;Dismiss suggestion</source>
        <translation>忽略推荐(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="237"/>
        <source>&amp;Import a term list…</source>
        <translation>导入术语列表(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="239"/>
        <source>E&amp;xport the term list…</source>
        <translation>导出术语列表(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="208"/>
        <source>&amp;Review cards…</source>
        <translation>复习卡片(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="209"/>
        <source>Review the due cards: terms, notes and who said what</source>
        <translation>复习到期的卡片：术语、批注，以及谁说了什么</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="211"/>
        <source>&amp;Continue where I left off</source>
        <translation>从上次读到的地方继续(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="212"/>
        <source>Go to the first turn of this document not read yet</source>
        <translation>转到本文档中第一段尚未读过的发言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="241"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="242"/>
        <source>&amp;Change shortcuts…</source>
        <translation>修改快捷键(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="243"/>
        <source>&amp;About Yandu</source>
        <translation>关于研读(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="247"/>
        <source>Show or hide speaker %1</source>
        <translation>显示或隐藏发言人 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="249"/>
        <source>Show only speaker %1</source>
        <translation>只显示发言人 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/speaker_filter.py" line="67"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <location filename="../../desktop/ui/annotation_editor.py" line="87"/>
        <source>New annotation</source>
        <translation>新建批注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_editor.py" line="87"/>
        <source>Edit annotation</source>
        <translation>编辑批注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_editor.py" line="94"/>
        <source>Note (Markdown: **bold**, *italic*, - lists, [links](https://…))</source>
        <translation>批注（Markdown：**粗体**、*斜体*、- 列表、[链接](https://…)）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_editor.py" line="109"/>
        <source>tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_editor.py" line="122"/>
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_editor.py" line="123"/>
        <source>C&amp;olour:</source>
        <translation>颜色(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_editor.py" line="139"/>
        <source>Ctrl+Enter saves · Esc cancels</source>
        <translation>Ctrl+Enter 保存 · Esc 取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_editor.py" line="181"/>
        <source>Discard this note?</source>
        <translation>放弃这条批注？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_editor.py" line="184"/>
        <source>What you typed here will be lost.</source>
        <translation>在这里输入的内容将会丢失。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_editor.py" line="185"/>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_editor.py" line="186"/>
        <source>&amp;Keep editing</source>
        <translation>继续编辑(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_editor.py" line="202"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
</context>
<context>
    <name>AnnotationsDock</name>
    <message>
        <location filename="../../desktop/ui/docks/annotations.py" line="85"/>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/annotations.py" line="86"/>
        <source>&amp;Tag:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/annotations.py" line="87"/>
        <source>S&amp;peaker:</source>
        <translation>发言人(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/annotations.py" line="88"/>
        <source>Select text in the transcript and press A to annotate it.</source>
        <translation>在文字稿中选中文字，按 A 添加批注。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/annotations.py" line="103"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/annotations.py" line="104"/>
        <source>All speakers</source>
        <translation>全部发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/annotations.py" line="129"/>
        <source>Narration</source>
        <translation>旁白</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/annotations.py" line="130"/>
        <source>%1 · turn %2</source>
        <translation>%1 · 第 %2 段</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="19"/>
        <source>Create annotation</source>
        <translation>新建批注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="20"/>
        <source>Edit annotation</source>
        <translation>编辑批注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="21"/>
        <source>Retag annotation</source>
        <translation>修改批注标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="22"/>
        <source>Recolour annotation</source>
        <translation>修改批注颜色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="23"/>
        <source>Delete annotation</source>
        <translation>删除批注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="24"/>
        <source>Rename speaker</source>
        <translation>重命名发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="25"/>
        <source>Merge speakers</source>
        <translation>合并发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="26"/>
        <source>Set speaker role</source>
        <translation>设置发言人身份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="27"/>
        <source>Set speaker colour</source>
        <translation>设置发言人颜色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="28"/>
        <source>Set moderator</source>
        <translation>设为主持人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="29"/>
        <source>Unset moderator</source>
        <translation>取消主持人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="30"/>
        <source>Make narration</source>
        <translation>改为旁白</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="31"/>
        <source>Edit speakers</source>
        <translation>编辑发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="32"/>
        <source>Add term</source>
        <translation>添加术语</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="33"/>
        <source>Edit term</source>
        <translation>编辑术语</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="34"/>
        <source>Remove term</source>
        <translation>删除术语</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="35"/>
        <source>Reset term</source>
        <translation>还原术语</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="36"/>
        <source>Import terms</source>
        <translation>导入术语</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="37"/>
        <source>Dismiss suggestion</source>
        <translation>忽略建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="39"/>
        <source>Give turn %1</source>
        <translation>改换第 %1 段的发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="40"/>
        <source>Give turns %1–%2</source>
        <translation>改换第 %1–%2 段的发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="41"/>
        <source>Give %1 turns</source>
        <translation>改换 %1 段发言的发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="42"/>
        <source>Split turn %1</source>
        <translation>拆分第 %1 段发言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="43"/>
        <source>Join turns %1 and %2</source>
        <translation>合并第 %1 段和第 %2 段发言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="44"/>
        <source>Join turns %1–%2</source>
        <translation>合并第 %1–%2 段发言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="45"/>
        <source>Make turn %1 a section heading</source>
        <translation>将第 %1 段发言设为分节标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="46"/>
        <source>Remove section %1</source>
        <translation>删除第 %1 节</translation>
    </message>
</context>
<context>
    <name>CompareEmpty</name>
    <message>
        <location filename="../../desktop/ui/compare_empty.py" line="42"/>
        <source>This transcript has no questions, so there is nothing to set side by side: the compare view puts each speaker&apos;s answer to the same question in one row. If one speaker asks the questions (a moderator, an interviewer, a judge), mark them as the moderator: each of their turns then opens a row.</source>
        <translation>这份文字稿没有提问，所以没有可以并排对照的内容：对照视图把各位发言人对同一个问题的回答排在同一行。如果有一位发言人负责提问（主持人、采访者、法官），请把他设为主持人：他的每段发言都会开启一行。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_empty.py" line="46"/>
        <source>Choose the moderator…</source>
        <translation>选择主持人…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_empty.py" line="47"/>
        <source>Back to the transcript</source>
        <translation>回到文字稿</translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="137"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>DocumentsDock</name>
    <message>
        <location filename="../../desktop/ui/docks/documents.py" line="71"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/documents.py" line="80"/>
        <source>%1 turns · %2 speakers</source>
        <translation>%1 段发言 · %2 位发言人</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="109"/>
        <location filename="../../desktop/ui/export_dialog.py" line="277"/>
        <source>Export notes</source>
        <translation>导出笔记</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="118"/>
        <source>This document</source>
        <translation>本文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="119"/>
        <source>Whole study</source>
        <translation>整个研究</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="131"/>
        <source>all tags (or: tag, tag, …)</source>
        <translation>全部标签(或:标签, 标签, …)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="132"/>
        <source>Include the full transcript</source>
        <translation>附上完整记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="133"/>
        <source>Include the glossary terms found in the text</source>
        <translation>附上文中出现的术语表词条</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="137"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="144"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="145"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="146"/>
        <source>Speakers</source>
        <translation>发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="147"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="150"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="171"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="302"/>
        <source>This study is in memory; exporting needs a study file.</source>
        <translation>此研究只在内存中;导出需要研究文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="306"/>
        <source>Choose a file to export to.</source>
        <translation>请选择要导出到的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="315"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="345"/>
        <location filename="../../desktop/ui/print_notes.py" line="84"/>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_notes.py" line="72"/>
        <source>Export to PDF</source>
        <translation>导出为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="49"/>
        <source>Markdown notes</source>
        <translation>Markdown 笔记</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="50"/>
        <source>HTML page</source>
        <translation>HTML 网页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="51"/>
        <source>Quote list (CSV)</source>
        <translation>引文列表 (CSV)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="52"/>
        <source>REFI-QDA project (.qdpx)</source>
        <translation>REFI-QDA 项目 (.qdpx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="53"/>
        <source>Web Annotation (JSON-LD)</source>
        <translation>Web 批注 (JSON-LD)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="54"/>
        <source>Anki deck of the glossary (.apkg)</source>
        <translation>术语表 Anki 卡组 (.apkg)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="328"/>
        <source>Replace file</source>
        <translation>替换文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="328"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换它吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="313"/>
        <source>Not exported: %1 was kept.</source>
        <translation>未导出：已保留 %1。</translation>
    </message>
</context>
<context>
    <name>GlossaryDock</name>
    <message>
        <location filename="../../desktop/ui/docks/glossary_dock.py" line="106"/>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/glossary_dock.py" line="107"/>
        <source>Filter terms</source>
        <translation>筛选术语</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/glossary_dock.py" line="108"/>
        <source>Choose a term to see its entry.</source>
        <translation>选择一个术语，查看其词条。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/glossary_dock.py" line="109"/>
        <source>Where it occurs, by speaker</source>
        <translation>出处（按发言人）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/glossary_dock.py" line="110"/>
        <source>Terms</source>
        <translation>术语</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/glossary_dock.py" line="111"/>
        <source>Suggestions</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/glossary_dock.py" line="112"/>
        <source>Suggest terms from this document</source>
        <translation>从本文档推荐术语</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/glossary_dock.py" line="113"/>
        <location filename="../../desktop/ui/docks/glossary_dock.py" line="259"/>
        <source>Y accepts the chosen suggestion, X dismisses it.</source>
        <translation>按 Y 采纳所选推荐,按 X 忽略。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/glossary_dock.py" line="187"/>
        <source>Narration</source>
        <translation>旁白</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/glossary_terms.py" line="99"/>
        <source>Select the word to add to the glossary first.</source>
        <translation>请先选中要加入术语表的词。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/glossary_terms.py" line="112"/>
        <source>“%1” is already in the glossary, as “%2”.</source>
        <translation>“%1”已在术语表中，即“%2”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/glossary_terms.py" line="154"/>
        <location filename="../../desktop/ui/controllers/glossary_terms.py" line="193"/>
        <source>Choose a term in the Glossary panel first.</source>
        <translation>请先在术语面板中选择一个术语。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/glossary_terms.py" line="160"/>
        <source>Edit glossary term</source>
        <translation>编辑术语</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/glossary_terms.py" line="186"/>
        <source>Changed in another window meanwhile. Saving again replaces that version.</source>
        <translation>此词条刚在另一个窗口中被修改。再次保存将替换那个版本。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/glossary_terms.py" line="219"/>
        <source>No glossary term at the cursor.</source>
        <translation>光标处没有术语。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/glossary_dock.py" line="232"/>
        <source>Looking for candidate terms…</source>
        <translation>正在寻找候选术语…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/glossary_dock.py" line="261"/>
        <source>No new candidate terms here.</source>
        <translation>这里没有新的候选术语。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/glossary_terms.py" line="259"/>
        <source>Choose a suggestion in the Glossary panel first.</source>
        <translation>请先在术语面板中选择一条推荐。</translation>
    </message>
</context>
<context>
    <name>GlossaryLists</name>
    <message>
        <location filename="../../desktop/ui/controllers/term_lists.py" line="24"/>
        <source>Term lists (*.csv *.tsv *.tab *.txt);;All files (*)</source>
        <translation>术语列表 (*.csv *.tsv *.tab *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/term_lists.py" line="45"/>
        <source>Import a term list</source>
        <translation>导入术语列表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/term_lists.py" line="52"/>
        <source>%1 has no terms to import.</source>
        <translation>%1 中没有可导入的术语。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/term_lists.py" line="60"/>
        <source>Term list: %1 added, %2 merged into existing terms, %3 already known.</source>
        <translation>术语列表：新增 %1 条，合并到已有术语 %2 条，已有 %3 条。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/term_lists.py" line="66"/>
        <source>%1 lines skipped: %2</source>
        <translation>跳过 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/term_lists.py" line="78"/>
        <source>Export the term list</source>
        <translation>导出术语列表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/term_lists.py" line="87"/>
        <source>Wrote %1 terms to %2</source>
        <translation>已将 %1 条术语写入 %2</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="44"/>
        <source>No speakers found: every paragraph is narration. Check the labels (Name: …) in the file, or correct how it is read in File &gt; Import with preview.</source>
        <translation>未找到发言人：每一段都是旁白。请检查文件中的标签（姓名：…），或在“文件 &gt; 预览后导入”中更正读取方式。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="110"/>
        <source>Transcripts (%1);;All files (*)</source>
        <translation>文字稿 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="149"/>
        <source>Stopping after the file in hand…</source>
        <translation>导入完当前文件后停止…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="171"/>
        <source>%1 of %2 files</source>
        <translation>%1 / %2 个文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="175"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="176"/>
        <source>Stop the import after the file in hand</source>
        <translation>导入完当前文件后停止导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="219"/>
        <location filename="../../desktop/ui/controllers/importing.py" line="253"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="227"/>
        <source>%1 imported, %2 already in the study, %3 refused.</source>
        <translation>导入 %1 个，%2 个已在研究库中，拒绝 %3 个。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="232"/>
        <source>Import stopped after %1 of %2 files: %3</source>
        <translation>导入在处理完 %1/%2 个文件后停止：%3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="236"/>
        <source>Import of %1 files finished: %2</source>
        <translation>%1 个文件导入完毕：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="241"/>
        <source>Refused:</source>
        <translation>被拒绝：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="244"/>
        <source>%1 (as “%2”)</source>
        <translation>%1（即“%2”）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="245"/>
        <source>Already in the study:</source>
        <translation>已在研究库中：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="269"/>
        <source>The clipboard holds no text to make a document of.</source>
        <translation>剪贴板中没有可用来新建文档的文字。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="277"/>
        <source>New document from clipboard</source>
        <translation>从剪贴板新建文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="278"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="340"/>
        <source>Pasted text %1</source>
        <translation>粘贴的文字 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="362"/>
        <source>… and %1 more</source>
        <translation>……另有 %1 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/import_gate.py" line="35"/>
        <source>The preview shows one file at a time; importing them all.</source>
        <translation>预览一次只看一个文件；现将全部导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/import_gate.py" line="61"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="45"/>
        <source>Panel or roundtable</source>
        <translation>圆桌或座谈</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="46"/>
        <source>Interview</source>
        <translation>访谈</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="47"/>
        <source>Play</source>
        <translation>剧本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="48"/>
        <source>Parliament or council</source>
        <translation>议会或议事会</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="49"/>
        <source>Court or hearing</source>
        <translation>庭审或听证</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="50"/>
        <source>Subtitles or recognised speech</source>
        <translation>字幕或语音识别稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="52"/>
        <source>Plain text (no speakers)</source>
        <translation>纯文本（无发言人）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="60"/>
        <source>No speakers found: every paragraph is narration. Check the kind of record and the encoding, or import it as plain text.</source>
        <translation>未找到发言人：每一段都是旁白。请检查记录类型和编码，或按纯文本导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="64"/>
        <source>Only one speaker found (%1).</source>
        <translation>只找到一位发言人（%1）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="67"/>
        <source>%1 of %2 speakers speak only once: some labels may be fragments, headings or form fields. Untick those that name no one.</source>
        <translation>%2 位发言人中有 %1 位只发言一次：有些标签可能是句子片段、标题或表单字段。请取消勾选不指向任何人的标签。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="81"/>
        <source>Import preview — %1</source>
        <translation>导入预览 — %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="90"/>
        <source>As recognised</source>
        <translation>按识别结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="94"/>
        <source>As guessed</source>
        <translation>按推测</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="98"/>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="99"/>
        <source>&amp;Kind of record:</source>
        <translation>记录类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="100"/>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="104"/>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="104"/>
        <source>Turns</source>
        <translation>发言数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="104"/>
        <source>Moderator or chair</source>
        <translation>主持人或主席</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="105"/>
        <source>Same person as</source>
        <translation>与之为同一人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="105"/>
        <source>First words</source>
        <translation>开头</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="110"/>
        <source>Speakers found</source>
        <translation>找到的发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="111"/>
        <source>Same &amp;person as…</source>
        <translation>与…为同一人(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="114"/>
        <source>The text as it will read</source>
        <translation>导入后的正文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="123"/>
        <source>Untick a label that names no one (Space); its lines join the turn before.</source>
        <translation>取消勾选不指向任何人的标签（空格键）；其内容并入前一段发言。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="134"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="183"/>
        <source>(nobody else)</source>
        <translation>（不与他人相同）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="185"/>
        <source>Same person</source>
        <translation>同一人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="185"/>
        <source>%1 is the same person as:</source>
        <translation>%1 与下面哪位是同一人：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="259"/>
        <source>%1 · %2 speakers · %3 turns (%4 narration) · %5 sections · %6</source>
        <translation>%1 · %2 位发言人 · %3 段发言（旁白 %4 段）· %5 个部分 · %6</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/window_menus.py" line="67"/>
        <source>Speaker &amp;filter</source>
        <translation>发言人筛选(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_menus.py" line="68"/>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_menus.py" line="69"/>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="326"/>
        <source>no document</source>
        <translation>无文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/speaker_filter.py" line="123"/>
        <source>%1 of %2 turns shown</source>
        <translation>显示 %1 / %2 段发言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/search.py" line="182"/>
        <location filename="../../desktop/ui/controllers/speaker_filter.py" line="130"/>
        <source>Narration</source>
        <translation>旁白</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/speaker_filter.py" line="131"/>
        <source>Turn %1 · %2</source>
        <translation>第 %1 段 · %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="67"/>
        <source>&amp;Undo %1</source>
        <translation>撤销“%1”(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_actions.py" line="70"/>
        <source>&amp;Redo %1</source>
        <translation>重做“%1”(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback.py" line="31"/>
        <source>Yandu</source>
        <translation>研读</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="108"/>
        <source>Import transcripts</source>
        <translation>导入文字稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="154"/>
        <source>This study is in memory; import needs a study file.</source>
        <translation>此研究库在内存中；导入需要研究库文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="135"/>
        <location filename="../../desktop/ui/controllers/importing.py" line="300"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="212"/>
        <source>“%1” is already in the study.</source>
        <translation>“%1”已在研究库中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/importing.py" line="214"/>
        <source>Imported “%1”.</source>
        <translation>已导入“%1”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/annotations.py" line="112"/>
        <source>Switch to the reading view to annotate.</source>
        <translation>请切换到阅读视图再添加批注。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/annotations.py" line="117"/>
        <source>Select some text of a turn first (Shift+arrows or the mouse).</source>
        <translation>请先选中发言中的文字（Shift+方向键或鼠标）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/annotations.py" line="159"/>
        <source>No annotation here to edit.</source>
        <translation>此处没有可编辑的批注。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/annotations.py" line="195"/>
        <source>Your text is back in the editor: saving it replaces the other version.</source>
        <translation>你写的内容已放回编辑框：保存即替换另一处的版本。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/annotations.py" line="202"/>
        <source>No annotation here to delete.</source>
        <translation>此处没有可删除的批注。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/annotations.py" line="207"/>
        <source>Annotation deleted; Undo brings it back.</source>
        <translation>批注已删除；撤销可恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/speaker_filter.py" line="108"/>
        <source>Narration is shown again, to reach this place.</source>
        <translation>为显示此处，已重新显示旁白。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/speaker_filter.py" line="111"/>
        <source>%1 is shown again, to reach this place.</source>
        <translation>为显示此处，已重新显示 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/search.py" line="84"/>
        <source>Bringing the search index up to date…</source>
        <translation>正在更新搜索索引…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/search.py" line="95"/>
        <source>The search index is up to date.</source>
        <translation>搜索索引已是最新。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/search.py" line="115"/>
        <source>The search index is being brought up to date…</source>
        <translation>搜索索引正在更新，稍后即出结果…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/search.py" line="184"/>
        <source>Note · %1</source>
        <translation>批注 · %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/search.py" line="270"/>
        <source>Match %1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/search.py" line="364"/>
        <source>Passed the last match: back to the first.</source>
        <translation>已过最后一处匹配：回到第一处。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/search.py" line="376"/>
        <source>Passed the first match: on to the last.</source>
        <translation>已过第一处匹配：转到最后一处。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="154"/>
        <source>Another program changed the study: Yandu shows its changes, and Undo starts afresh from here.</source>
        <translation>另一个程序修改了研究库：研读已显示这些修改，撤销从此处重新开始。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="320"/>
        <source>About Yandu</source>
        <translation>关于研读</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="321"/>
        <source>&lt;b&gt;Yandu 研读&lt;/b&gt; %1&lt;p&gt;Study and annotate transcripts, with Chinese as a first-class language.&lt;/p&gt;&lt;p&gt;Every edit is saved at once in the study file.&lt;/p&gt;</source>
        <translation>&lt;b&gt;研读 Yandu&lt;/b&gt; %1&lt;p&gt;研读和批注文字稿，中文优先。&lt;/p&gt;&lt;p&gt;每次修改都立即保存在研究库文件中。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/speakers.py" line="54"/>
        <source>Select a speaker in the Speakers panel (Ctrl+2) or put the cursor in one of their turns.</source>
        <translation>请在发言人面板（Ctrl+2）中选择发言人，或把光标放在其发言中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/speakers.py" line="67"/>
        <source>Choose the speaker who asks the questions, then press Ctrl+M (Speakers &gt; Toggle moderator).</source>
        <translation>选择负责提问的发言人，然后按 Ctrl+M（发言人 &gt; 切换主持人）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/speakers.py" line="80"/>
        <source>Rename speaker</source>
        <translation>重命名发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/speakers.py" line="81"/>
        <source>New name for %1:</source>
        <translation>%1 的新名字：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/speakers.py" line="103"/>
        <source>Merge speaker</source>
        <translation>合并发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/speakers.py" line="104"/>
        <source>Give every turn of %1 to:</source>
        <translation>把 %1 的全部发言归给：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/speakers.py" line="117"/>
        <source>The turns of %1 are now %2&apos;s; Undo gives them back.</source>
        <translation>%1 的发言已归入 %2；撤销可还原。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/speakers.py" line="128"/>
        <source>Set role</source>
        <translation>设置身份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/speakers.py" line="129"/>
        <source>Role of %1:</source>
        <translation>%1 的身份：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/speakers.py" line="146"/>
        <source>Colour of %1</source>
        <translation>%1 的颜色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/speakers.py" line="172"/>
        <source>The turns of %1 are narration now; Undo brings the speaker back.</source>
        <translation>%1 的发言已改为旁白；撤销可恢复该发言人。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="120"/>
        <source>Opening the study…</source>
        <translation>正在打开研究文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/glossary.py" line="87"/>
        <source>The glossary could not be loaded.</source>
        <translation>无法载入术语表。</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../desktop/ui/actions.py" line="112"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="113"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="114"/>
        <source>&amp;Annotate</source>
        <translation>批注(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="115"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="116"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="117"/>
        <source>&amp;Speakers</source>
        <translation>发言人(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="118"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="122"/>
        <source>&amp;Glossary</source>
        <extracomment>Made by the window on first use, before Help.</extracomment>
        <translation>术语(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="123"/>
        <source>&amp;Turns</source>
        <translation>发言(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="124"/>
        <source>St&amp;udy</source>
        <translation>学习(&amp;U)</translation>
    </message>
</context>
<context>
    <name>ReferenceMargin</name>
    <message>
        <location filename="../../desktop/ui/transcript_margin.py" line="41"/>
        <source>p. %1</source>
        <translation>第 %1 页</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../desktop/ui/review/controller.py" line="97"/>
        <source>%1 cards due</source>
        <translation>%1 张卡片到期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/controller.py" line="98"/>
        <source>No cards due</source>
        <translation>没有到期的卡片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/controller.py" line="100"/>
        <source>Study &gt; Review cards (R) reviews them</source>
        <translation>学习 &gt; 复习卡片（R）即可复习</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/controller.py" line="116"/>
        <source>%1% read</source>
        <translation>已读 %1%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/controller.py" line="131"/>
        <source>%1% read · %2 annotated · %3/%4 reviewed</source>
        <translation>已读 %1% · 批注 %2 段 · 已复习 %3/%4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/controller.py" line="134"/>
        <source> · %1 due</source>
        <translation> · 到期 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/controller.py" line="166"/>
        <source>Every card</source>
        <translation>全部卡片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/controller.py" line="168"/>
        <source>This document: %1</source>
        <translation>本文档：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/controller.py" line="171"/>
        <source>Terms: %1</source>
        <translation>术语：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/controller.py" line="174"/>
        <source>Tag: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/controller.py" line="203"/>
        <source>Every turn of this document has been read.</source>
        <translation>本文档的每段发言都已读过。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/controller.py" line="208"/>
        <source>Continuing at turn %1.</source>
        <translation>从第 %1 段继续。</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="121"/>
        <source>Review</source>
        <translation>复习</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="122"/>
        <source>Deck (D):</source>
        <translation>卡组（D）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="123"/>
        <source>Show answer (Space)</source>
        <translation>显示答案（空格）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="124"/>
        <source>1 Again</source>
        <translation>1 重来</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="124"/>
        <source>2 Hard</source>
        <translation>2 困难</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="125"/>
        <source>3 Good</source>
        <translation>3 良好</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="125"/>
        <source>4 Easy</source>
        <translation>4 简单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="127"/>
        <source>Open passage (O)</source>
        <translation>打开原文（O）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="133"/>
        <source>Card %1 of %2 · %3</source>
        <translation>第 %1 张，共 %2 张 · %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="140"/>
        <source>Space: show the answer · A, B, C…: choose who said it · O: open the passage · D: another deck · Esc: close</source>
        <translation>空格：显示答案 · A、B、C…：选出说话人 · O：打开原文 · D：换卡组 · Esc：关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="143"/>
        <source>Space: show the answer · O: open the passage · D: another deck · Esc: close</source>
        <translation>空格：显示答案 · O：打开原文 · D：换卡组 · Esc：关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="148"/>
        <source>term</source>
        <translation>术语</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="148"/>
        <source>term, reversed</source>
        <translation>术语（反向）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="149"/>
        <source>fill the gap</source>
        <translation>填空</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="149"/>
        <source>quote and note</source>
        <translation>引文与批注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="150"/>
        <source>who said this?</source>
        <translation>这是谁说的？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="154"/>
        <source>Done: %1 cards reviewed.</source>
        <translation>完成：已复习 %1 张卡片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="155"/>
        <source>No cards are due.</source>
        <translation>没有到期的卡片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="158"/>
        <source>D: another deck · Esc: close</source>
        <translation>D：换卡组 · Esc：关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="179"/>
        <source>Right.</source>
        <translation>答对了。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="180"/>
        <source>Not %1.</source>
        <translation>不是%1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dialog.py" line="182"/>
        <source>1 Again · 2 Hard · 3 Good · 4 Easy · O: open the passage · Esc: close</source>
        <translation>1 重来 · 2 困难 · 3 良好 · 4 简单 · O：打开原文 · Esc：关闭</translation>
    </message>
</context>
<context>
    <name>SearchDock</name>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="62"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="63"/>
        <source>Search words, phrases…</source>
        <translation>搜索词语、短语…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="64"/>
        <source>All &amp;documents</source>
        <translation>全部文档(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="66"/>
        <source>Search every document, best matches first; otherwise the open document, in reading order</source>
        <translation>搜索所有文档，最相关的排在前面；否则只搜索当前文档，按阅读顺序排列</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="106"/>
        <source>%1 — first %2 shown</source>
        <translation>%1 — 显示前 %2 条</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="109"/>
        <source>First %1 of %2 results</source>
        <translation>共 %2 条结果，显示前 %1 条</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="113"/>
        <source>1 result</source>
        <translation>1 条结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="114"/>
        <source>%1 results</source>
        <translation>%1 条结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="124"/>
        <source>1 turn</source>
        <translation>1 段发言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="125"/>
        <source>%1 turns</source>
        <translation>%1 段发言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="127"/>
        <source>1 note</source>
        <translation>1 条批注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="128"/>
        <source>%1 notes</source>
        <translation>%1 条批注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="129"/>
        <source>1 match</source>
        <translation>1 处匹配</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="130"/>
        <source>%1 matches</source>
        <translation>%1 处匹配</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="133"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="48"/>
        <source>Change shortcuts</source>
        <translation>修改快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="49"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="52"/>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="56"/>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="56"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="57"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="74"/>
        <source>&amp;Assign</source>
        <translation>指定(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="75"/>
        <source>&amp;Default</source>
        <translation>默认(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="76"/>
        <source>New key:</source>
        <translation>新按键：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="131"/>
        <source>%1 is already used by “%2”.</source>
        <translation>%1 已被“%2”使用。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="138"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SpeakerPicker</name>
    <message>
        <location filename="../../desktop/ui/speaker_picker.py" line="44"/>
        <source>Give to speaker</source>
        <translation>交给发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speaker_picker.py" line="47"/>
        <source>Type to filter, or a new speaker&apos;s name</source>
        <translation>输入以筛选，或输入新发言人的名字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speaker_picker.py" line="77"/>
        <source>%1 (speaks it now)</source>
        <translation>%1（当前发言人）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speaker_picker.py" line="80"/>
        <source>Narration (no speaker)</source>
        <translation>旁白（无发言人）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speaker_picker.py" line="86"/>
        <source>New speaker “%1”</source>
        <translation>新发言人“%1”</translation>
    </message>
</context>
<context>
    <name>SpeakersDock</name>
    <message>
        <location filename="../../desktop/ui/docks/speakers.py" line="64"/>
        <source>Speakers</source>
        <translation>发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/speakers.py" line="65"/>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/speakers.py" line="65"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/speakers.py" line="65"/>
        <source>Turns</source>
        <translation>发言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/speakers.py" line="108"/>
        <source>%1 (moderator)</source>
        <translation>%1（主持人）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/speakers.py" line="114"/>
        <source>Narration</source>
        <translation>旁白</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/speakers.py" line="142"/>
        <source>%1 of %2 turns shown</source>
        <translation>显示 %1 / %2 段发言</translation>
    </message>
</context>
<context>
    <name>TermDialog</name>
    <message>
        <location filename="../../desktop/ui/docks/glossary_term_dialog.py" line="32"/>
        <source>Add glossary term</source>
        <translation>添加术语</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/glossary_term_dialog.py" line="36"/>
        <source>&amp;Term</source>
        <translation>术语(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/glossary_term_dialog.py" line="36"/>
        <source>&amp;Aliases (comma-separated)</source>
        <translation>别名(逗号分隔)(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/glossary_term_dialog.py" line="37"/>
        <source>&amp;Pinyin</source>
        <translation>拼音(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/glossary_term_dialog.py" line="37"/>
        <source>&amp;English</source>
        <translation>英文(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/glossary_term_dialog.py" line="38"/>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/glossary_term_dialog.py" line="38"/>
        <source>&amp;Definition</source>
        <translation>释义(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/glossary_term_dialog.py" line="39"/>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <location filename="../../desktop/ui/transcript_view.py" line="144"/>
        <source>Question %1</source>
        <translation>问题 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transcript_layers.py" line="119"/>
        <source>no role given</source>
        <translation>未注明身份</translation>
    </message>
</context>
<context>
    <name>TurnEditsController</name>
    <message>
        <location filename="../../desktop/ui/controllers/turn_edits.py" line="55"/>
        <source>Turns are edited in the reading view: press C to go back to it.</source>
        <translation>发言只能在阅读视图中编辑：按 C 返回阅读视图。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/turn_edits.py" line="66"/>
        <source>Put the cursor in a turn first.</source>
        <translation>请先把光标放在一段发言中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/turn_edits.py" line="93"/>
        <source>%1: done. Undo takes it back.</source>
        <translation>%1：已完成，撤销可复原。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/turn_edits.py" line="120"/>
        <source>Who speaks turn %1?</source>
        <translation>第 %1 段发言是谁说的？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/turn_edits.py" line="121"/>
        <source>Who speaks these %1 turns?</source>
        <translation>这 %1 段发言是谁说的？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/turn_edits.py" line="171"/>
        <source>Turn %1 is in no section.</source>
        <translation>第 %1 段发言不在任何分节中。</translation>
    </message>
</context>
</TS>
