<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../desktop/ui/controllers/team.py" line="98"/>
        <source>Team: syncing…</source>
        <translation>团队：正在同步…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/team.py" line="100"/>
        <source>Team: not synced yet</source>
        <translation>团队：尚未同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/team.py" line="102"/>
        <source>Team: synced %1 · sent %2, received %3</source>
        <translation>团队：%1 已同步 · 发出 %2，收到 %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/team.py" line="105"/>
        <source>%1 conflict(s)</source>
        <translation>%1 处冲突</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/team.py" line="107"/>
        <source>You are %1 in the team at %2</source>
        <translation>你在 %2 的团队中，名为 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/team.py" line="117"/>
        <source>This study is not a team&apos;s: see the README to set up a team.</source>
        <translation>此研究不属于团队：设置团队的方法见 README。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/team.py" line="137"/>
        <source>The sync stopped.</source>
        <translation>同步中断了。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/team.py" line="143"/>
        <source>Synced: sent %1 change(s), received %2, %3 new conflict(s).</source>
        <translation>已同步：发出 %1 处更改，收到 %2 处，新增 %3 处冲突。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/team.py" line="175"/>
        <source>Settle conflict</source>
        <translation>处理冲突</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desktop/ui/actions.py" line="140"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="141"/>
        <source>Import transcripts into the study</source>
        <translation>将文字稿导入研究库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="143"/>
        <source>Import with p&amp;review…</source>
        <translation>预览后导入(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="145"/>
        <source>&amp;New document from clipboard…</source>
        <translation>从剪贴板新建文档(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="146"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="147"/>
        <source>Export the notes to a file</source>
        <translation>把笔记导出为文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="148"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="150"/>
        <source>Export to P&amp;DF…</source>
        <translation>导出为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="151"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="153"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="154"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="156"/>
        <source>&amp;Search…</source>
        <translation>搜索(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="157"/>
        <source>Next search result</source>
        <translation>下一个搜索结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="159"/>
        <source>Previous search result</source>
        <translation>上一个搜索结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="161"/>
        <source>&amp;Annotate selection…</source>
        <translation>批注所选文字(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="162"/>
        <source>Write a note on the selected text</source>
        <translation>为所选文字写批注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="163"/>
        <source>&amp;Edit annotation…</source>
        <translation>编辑批注(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="164"/>
        <source>&amp;Delete annotation</source>
        <translation>删除批注(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="166"/>
        <source>Next turn</source>
        <translation>下一段发言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="167"/>
        <source>Previous turn</source>
        <translation>上一段发言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="168"/>
        <source>Next section</source>
        <translation>下一个问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="169"/>
        <source>Previous section</source>
        <translation>上一个问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="170"/>
        <source>Next annotation</source>
        <translation>下一条批注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="171"/>
        <source>Previous annotation</source>
        <translation>上一条批注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="173"/>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="174"/>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="175"/>
        <source>Switch reading / compare view</source>
        <translation>切换阅读 / 对比视图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="177"/>
        <source>Switch reading / a&amp;nalysis view</source>
        <translation>切换阅读 / 分析视图(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="179"/>
        <source>Show all speakers</source>
        <translation>显示全部发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="180"/>
        <source>Show narration</source>
        <translation>显示旁白</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="182"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="183"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="184"/>
        <source>Go to the transcript</source>
        <translation>转到文字稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="186"/>
        <source>Go to the documents panel</source>
        <translation>转到文档面板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="188"/>
        <source>Go to the speakers panel</source>
        <translation>转到发言人面板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="190"/>
        <source>Go to the annotations panel</source>
        <translation>转到批注面板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="193"/>
        <source>Go to the search results</source>
        <translation>转到搜索结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="194"/>
        <source>Interface in English</source>
        <translation>界面使用英文 (English)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="196"/>
        <source>Interface in Chinese (中文)</source>
        <translation>界面使用中文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="198"/>
        <source>&amp;Rename speaker…</source>
        <translation>重命名发言人(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="199"/>
        <source>&amp;Merge speaker into…</source>
        <translation>合并发言人到(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="201"/>
        <source>Set r&amp;ole…</source>
        <translation>设置身份(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="202"/>
        <source>Set &amp;colour…</source>
        <translation>设置颜色(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="203"/>
        <source>Toggle m&amp;oderator</source>
        <translation>切换主持人(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="205"/>
        <source>Make &amp;narration</source>
        <translation>改为旁白(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="206"/>
        <source>&amp;Give turn to speaker…</source>
        <translation>将发言交给发言人(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="207"/>
        <source>Give the turn at the cursor (or the selected turns) to another speaker, a new one, or narration</source>
        <translation>把光标所在的发言（或所选的几段发言）改归另一位发言人、新发言人或旁白</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="210"/>
        <source>&amp;Split turn at cursor</source>
        <translation>在光标处拆分发言(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="212"/>
        <source>&amp;Join with next turn</source>
        <translation>与下一段发言合并(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="213"/>
        <source>Join the turn at the cursor with the next one (or the selected turns into one)</source>
        <translation>把光标所在的发言与下一段合并（或把所选的几段合为一段）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="216"/>
        <source>Make turn a section &amp;heading</source>
        <translation>设为分节标题(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="218"/>
        <source>&amp;Remove section heading</source>
        <translation>删除分节标题(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="219"/>
        <source>Remove the section the cursor is in: its turns join the section before it</source>
        <translation>删除光标所在的分节：其中的发言并入前一节</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="224"/>
        <source>Re&amp;name document…</source>
        <translation>重命名文档(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="225"/>
        <source>Give the document chosen in the documents panel (else the open one) another title</source>
        <translation>给文档面板中选中的文档（否则为打开的文档）换一个标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="228"/>
        <source>Document &amp;properties…</source>
        <translation>文档属性(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="229"/>
        <source>The document&apos;s date, event, source, language and collection</source>
        <translation>文档的日期、活动、来源、语言和合集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="232"/>
        <source>&amp;Re-import a changed file…</source>
        <translation>重新导入修改过的文件(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="234"/>
        <source>Import a new version of the document; its annotations follow where their text is still found</source>
        <translation>导入文档的新版本；批注的原文在新版本中仍能找到的，随之带过去</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="236"/>
        <source>Move document &amp;up</source>
        <translation>文档上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="238"/>
        <source>Move document do&amp;wn</source>
        <translation>文档下移(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="240"/>
        <source>&amp;Delete document…</source>
        <translation>删除文档(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="242"/>
        <source>&amp;Review cards…</source>
        <translation>复习卡片(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="243"/>
        <source>Review the due cards: terms, notes and who said what</source>
        <translation>复习到期的卡片：术语、批注，以及谁说了什么</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="245"/>
        <source>&amp;Continue where I left off</source>
        <translation>从上次读到的地方继续(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="246"/>
        <source>Go to the first turn of this document not read yet</source>
        <translation>转到本文档中第一段尚未读过的发言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="249"/>
        <source>&amp;Sync with the team</source>
        <translation>与团队同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="250"/>
        <source>Send your changes to the team&apos;s folder and take in the others&apos;</source>
        <translation>把你的更改发到团队文件夹，并收取其他成员的更改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="252"/>
        <source>Team &amp;conflicts</source>
        <translation>团队冲突(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="253"/>
        <source>The changes that lost to another member&apos;s, to keep either side</source>
        <translation>被其他成员的更改覆盖的更改，可保留任一方</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="256"/>
        <source>Mark glossary terms</source>
        <translation>标出术语</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="258"/>
        <source>Add &amp;term from selection…</source>
        <translation>将所选文字加为术语(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="260"/>
        <source>Add the selected text to the glossary</source>
        <translation>把所选文字加入术语表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="261"/>
        <source>&amp;Open the term at the cursor</source>
        <translation>打开光标处的术语(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="263"/>
        <source>Show the glossary entry of the marked term under the text cursor</source>
        <translation>显示光标处所标术语的词条</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="265"/>
        <source>&amp;Edit term…</source>
        <translation>编辑术语(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="267"/>
        <source>Reset term to the &amp;built-in text</source>
        <translation>恢复为内置释义(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="269"/>
        <source>&amp;Remove term</source>
        <translation>删除术语(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="270"/>
        <source>Go to the glossary panel</source>
        <translation>转到术语面板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="272"/>
        <source>&amp;Suggest terms from this document</source>
        <translation>从本文档推荐术语(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="274"/>
        <source>&amp;Accept suggestion</source>
        <translation>采纳推荐(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="276"/>
        <source>&amp;Dismiss suggestion</source>
        <translation>忽略推荐(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="278"/>
        <source>&amp;Import a term list…</source>
        <translation>导入术语列表(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="280"/>
        <source>E&amp;xport the term list…</source>
        <translation>导出术语列表(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="282"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="283"/>
        <source>&amp;Change shortcuts…</source>
        <translation>修改快捷键(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="284"/>
        <source>&amp;About Yandu</source>
        <translation>关于研读(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="288"/>
        <source>Show or hide speaker %1</source>
        <translation>显示或隐藏发言人 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="290"/>
        <source>Show only speaker %1</source>
        <translation>只显示发言人 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/speaker_filter.py" line="67"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/keys.py" line="39"/>
        <source>&amp;Attach a recording…</source>
        <translation>附加录音(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/keys.py" line="40"/>
        <source>Attach the audio or video of this transcript</source>
        <translation>附加本文字稿的音频或视频</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/keys.py" line="42"/>
        <source>&amp;Detach the recording</source>
        <translation>移除录音(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/keys.py" line="43"/>
        <source>&amp;Play or pause</source>
        <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/keys.py" line="44"/>
        <source>Play from &amp;here</source>
        <translation>从此处播放(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/keys.py" line="45"/>
        <source>Play from the text cursor, or from the annotation chosen in its panel</source>
        <translation>从文本光标处播放，或从批注面板中选中的批注处播放</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/keys.py" line="47"/>
        <source>&amp;Back 3 seconds</source>
        <translation>后退 3 秒(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/keys.py" line="48"/>
        <source>&amp;Forward 3 seconds</source>
        <translation>前进 3 秒(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/keys.py" line="49"/>
        <source>&amp;Slower</source>
        <translation>减速(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/keys.py" line="50"/>
        <source>F&amp;aster</source>
        <translation>加速(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/keys.py" line="51"/>
        <source>S&amp;tamp: this turn starts now</source>
        <translation>打时间戳：本段发言从此刻开始(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/keys.py" line="52"/>
        <source>Set the start of the turn at the cursor to the playing time, then go to the next turn</source>
        <translation>把光标所在发言的开始时间设为当前播放时间，然后转到下一段发言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/keys.py" line="54"/>
        <source>F&amp;ollow the recording</source>
        <translation>跟随录音(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/keys.py" line="55"/>
        <source>Show the turn being spoken again, and keep it in view</source>
        <translation>重新显示正在播放的发言，并保持在视野内</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/keys.py" line="57"/>
        <source>Pause &amp;rewinds 2 seconds</source>
        <translation>暂停时回退 2 秒(&amp;R)</translation>
    </message>
</context>
<context>
    <name>AnalysisCharts</name>
    <message>
        <location filename="../../desktop/ui/analysis/charts.py" line="134"/>
        <source>Share of the talk (%)</source>
        <translation>发言占比（%）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/charts.py" line="153"/>
        <source>Opening</source>
        <translation>开场</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/charts.py" line="156"/>
        <source>Characters</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/charts.py" line="174"/>
        <source>Place in the document</source>
        <translation>在文档中的位置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/export.py" line="61"/>
        <source>Share of the talk</source>
        <translation>发言占比</translation>
    </message>
</context>
<context>
    <name>AnalysisView</name>
    <message>
        <location filename="../../desktop/ui/analysis/tables.py" line="190"/>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/tables.py" line="191"/>
        <source>CSV (*.csv);;Markdown (*.md)</source>
        <translation>CSV (*.csv);;Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/tables.py" line="205"/>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/tables.py" line="206"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/view.py" line="79"/>
        <source>Co&amp;unt in:</source>
        <translation>统计范围(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/view.py" line="83"/>
        <source>This document</source>
        <translation>本文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/view.py" line="83"/>
        <source>Every document</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/view.py" line="86"/>
        <source>&amp;1 Speakers</source>
        <translation>&amp;1 发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/view.py" line="86"/>
        <source>&amp;2 Distinctive words</source>
        <translation>&amp;2 特征词</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/view.py" line="87"/>
        <source>&amp;3 Concordance</source>
        <translation>&amp;3 索引行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/view.py" line="87"/>
        <source>&amp;4 Terms</source>
        <translation>&amp;4 术语</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/view.py" line="88"/>
        <source>&amp;5 Tags</source>
        <translation>&amp;5 标签</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/view.py" line="106"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 个文档</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/view.py" line="109"/>
        <source>no document</source>
        <translation>无文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/view.py" line="144"/>
        <source>Cutting the transcript into words…</source>
        <translation>正在对文稿分词…</translation>
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
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="42"/>
        <source>Rename document</source>
        <translation>重命名文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="43"/>
        <source>Set document properties</source>
        <translation>设置文档属性</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="44"/>
        <source>Move document</source>
        <translation>移动文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="45"/>
        <source>Delete document</source>
        <translation>删除文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="46"/>
        <source>Re-import document</source>
        <translation>重新导入文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/keys.py" line="63"/>
        <source>Stamp turn</source>
        <translation>打时间戳</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/keys.py" line="64"/>
        <source>Attach recording</source>
        <translation>附加录音</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/keys.py" line="65"/>
        <source>Detach recording</source>
        <translation>移除录音</translation>
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
    <name>ConcordanceTab</name>
    <message>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="91"/>
        <source>&amp;Words:</source>
        <translation>词语(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="92"/>
        <source>A word or phrase; Enter lists every match</source>
        <translation>输入词语或短语，按回车列出所有匹配</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="93"/>
        <source>S&amp;ort:</source>
        <translation>排序(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="94"/>
        <source>S&amp;peaker:</source>
        <translation>发言人(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="95"/>
        <source>Copy as &amp;Markdown</source>
        <translation>复制为 &amp;Markdown</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="96"/>
        <source>Export &amp;table…</source>
        <translation>导出表格(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="100"/>
        <source>In reading order</source>
        <translation>按阅读顺序</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="101"/>
        <source>By the words to the left</source>
        <translation>按左侧词语</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="102"/>
        <source>By the words to the right</source>
        <translation>按右侧词语</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="103"/>
        <source>By speaker</source>
        <translation>按发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="104"/>
        <source>By document</source>
        <translation>按文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="169"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="171"/>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="187"/>
        <source>(narration)</source>
        <translation>（旁白）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="185"/>
        <source>Left</source>
        <translation>左侧语境</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="185"/>
        <source>Match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="185"/>
        <source>Right</source>
        <translation>右侧语境</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="185"/>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="186"/>
        <source>Turn</source>
        <translation>发言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="186"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="196"/>
        <source>Type words and press Enter.</source>
        <translation>输入词语后按回车。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="198"/>
        <source>The first %n line(s); the rest are coming…</source>
        <translation>
            <numerusform>前 %n 行；其余正在载入…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/concordance_tab.py" line="201"/>
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentPropertiesDialog</name>
    <message>
        <location filename="../../desktop/ui/docks/document_properties.py" line="30"/>
        <source>Properties of “%1”</source>
        <translation>“%1”的属性</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/document_properties.py" line="32"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/document_properties.py" line="34"/>
        <source>a forum, a hearing, a broadcast</source>
        <translation>论坛、听证会、节目……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/document_properties.py" line="36"/>
        <source>where it was published: a URL or a citation</source>
        <translation>发表之处：网址或出处</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/document_properties.py" line="38"/>
        <source>zh, en, …</source>
        <translation>zh、en……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/document_properties.py" line="43"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/document_properties.py" line="45"/>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/document_properties.py" line="45"/>
        <source>&amp;Event:</source>
        <translation>活动(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/document_properties.py" line="46"/>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/document_properties.py" line="47"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/document_properties.py" line="48"/>
        <source>&amp;Collection:</source>
        <translation>合集(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/document_properties.py" line="75"/>
        <source>Write the date as YYYY-MM-DD, such as 2023-07-28.</source>
        <translation>日期请写成 YYYY-MM-DD，例如 2023-07-28。</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="105"/>
        <source>Choose a document in the documents panel (Ctrl+1).</source>
        <translation>请在文档面板（Ctrl+1）中选择一个文档。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="138"/>
        <source>Rename document</source>
        <translation>重命名文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="139"/>
        <source>New title for “%1”:</source>
        <translation>“%1”的新标题：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="180"/>
        <source>The document is already at the top of the list.</source>
        <translation>该文档已在列表最上方。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="182"/>
        <source>The document is already at the bottom of the list.</source>
        <translation>该文档已在列表最下方。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="197"/>
        <source>Delete “%1” and its annotation?</source>
        <translation>删除“%1”及其 1 条批注吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="200"/>
        <source>Delete “%1” and its %2 annotations?</source>
        <translation>删除“%1”及其 %2 条批注吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="203"/>
        <source>Delete “%1”?</source>
        <translation>删除“%1”吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="204"/>
        <source>A copy of the study as it is now is saved beside it first. Undo (Ctrl+Z) brings the document back while this window is open.</source>
        <translation>删除前会先在研究文件旁保存一份当前的副本。在此窗口关闭之前，撤销（Ctrl+Z）可以恢复该文档。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="207"/>
        <source>It has no annotations. Undo (Ctrl+Z) brings it back while this window is open.</source>
        <translation>它没有批注。在此窗口关闭之前，撤销（Ctrl+Z）可以恢复它。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="211"/>
        <source>Delete document</source>
        <translation>删除文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="221"/>
        <source>Deleted “%1”. The study as it was is kept in %2; Undo brings the document back.</source>
        <translation>已删除“%1”。删除前的研究文件保存在 %2；撤销可以恢复该文档。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="225"/>
        <source>Deleted “%1”; Undo brings it back.</source>
        <translation>已删除“%1”；撤销可以恢复它。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="241"/>
        <source>Re-import “%1” from</source>
        <translation>重新导入“%1”，选择文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="257"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="272"/>
        <source>(old) </source>
        <translation>（旧版）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="277"/>
        <source>The new version of “%1” is open; the old one is now “%2”.</source>
        <translation>已打开“%1”的新版本；旧版现名为“%2”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="280"/>
        <source>Annotations carried over: %1.</source>
        <translation>已带过去的批注：%1 条。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="284"/>
        <source>• “%1”%2</source>
        <translation>• “%1”%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="288"/>
        <source>… and %1 more.</source>
        <translation>……另有 %1 条。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="290"/>
        <source>%1 of %2 annotations were carried over. These were not, their text is not in the new version (they stay on the old one):</source>
        <translation>%2 条批注中有 %1 条已带到新版本。以下批注没有带过去，因为新版本中找不到它们的原文（它们仍留在旧版上）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/documents.py" line="295"/>
        <source>Re-import document</source>
        <translation>重新导入文档</translation>
    </message>
</context>
<context>
    <name>DocumentsDock</name>
    <message>
        <location filename="../../desktop/ui/docks/documents.py" line="104"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/documents.py" line="105"/>
        <source>Filter documents</source>
        <translation>筛选文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/documents.py" line="107"/>
        <source>Shows the documents whose title, file name, date, event, source, language or collection holds every word typed. Escape empties it.</source>
        <translation>只显示标题、文件名、日期、活动、来源、语言或集合中包含所输入的每个词的文档。按 Esc 清空。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/documents.py" line="116"/>
        <source>Library order</source>
        <translation>文库顺序</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/documents.py" line="117"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/documents.py" line="118"/>
        <source>Date, latest first</source>
        <translation>日期（最新在前）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/documents.py" line="119"/>
        <source>Imported, latest first</source>
        <translation>导入时间（最新在前）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/documents.py" line="120"/>
        <source>Most turns first</source>
        <translation>发言最多在前</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/documents.py" line="124"/>
        <source>Sort the documents (now: %1)</source>
        <translation>文档排序（当前：%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/documents.py" line="181"/>
        <source>No document matches “%1”.</source>
        <translation>没有文档符合“%1”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/documents.py" line="178"/>
        <source>No collection</source>
        <translation>未归入合集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/documents.py" line="161"/>
        <source>%1 turns · %2 speakers</source>
        <translation>%1 段发言 · %2 位发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/documents.py" line="187"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/documents.py" line="187"/>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/documents.py" line="188"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/documents.py" line="189"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/documents.py" line="190"/>
        <source>Collection</source>
        <translation>合集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/documents.py" line="192"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
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
        <location filename="../../desktop/ui/controllers/documents.py" line="243"/>
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
        <location filename="../../desktop/ui/import_preview.py" line="276"/>
        <source>%1 · %2 speakers · %3 turns (%4 narration) · %5 sections · %6</source>
        <translation>%1 · %2 位发言人 · %3 段发言（旁白 %4 段）· %5 个部分 · %6</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/window_menus.py" line="69"/>
        <source>Speaker &amp;filter</source>
        <translation>发言人筛选(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_menus.py" line="70"/>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_menus.py" line="71"/>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="284"/>
        <source>no document</source>
        <translation>无文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/speaker_filter.py" line="123"/>
        <source>%1 of %2 turns shown</source>
        <translation>显示 %1 / %2 段发言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/search.py" line="204"/>
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
        <location filename="../../desktop/ui/controllers/search.py" line="85"/>
        <source>Bringing the search index up to date…</source>
        <translation>正在更新搜索索引…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/search.py" line="96"/>
        <source>The search index is up to date.</source>
        <translation>搜索索引已是最新。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/search.py" line="116"/>
        <source>The search index is being brought up to date…</source>
        <translation>搜索索引正在更新，稍后即出结果…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/search.py" line="206"/>
        <source>Note · %1</source>
        <translation>批注 · %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/search.py" line="292"/>
        <source>Match %1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/search.py" line="386"/>
        <source>Passed the last match: back to the first.</source>
        <translation>已过最后一处匹配：回到第一处。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/search.py" line="398"/>
        <source>Passed the first match: on to the last.</source>
        <translation>已过第一处匹配：转到最后一处。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="161"/>
        <source>Another program changed the study: Yandu shows its changes, and Undo starts afresh from here.</source>
        <translation>另一个程序修改了研究库：研读已显示这些修改，撤销从此处重新开始。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="278"/>
        <source>About Yandu</source>
        <translation>关于研读</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="279"/>
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
        <location filename="../../desktop/ui/actions.py" line="123"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="124"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="125"/>
        <source>&amp;Annotate</source>
        <translation>批注(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="126"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="127"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="128"/>
        <source>&amp;Speakers</source>
        <translation>发言人(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="129"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="133"/>
        <source>&amp;Glossary</source>
        <extracomment>Made by the window on first use, before Help.</extracomment>
        <translation>术语(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="134"/>
        <source>&amp;Turns</source>
        <translation>发言(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="135"/>
        <source>&amp;Documents</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="136"/>
        <source>St&amp;udy</source>
        <translation>学习(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/keys.py" line="17"/>
        <source>&amp;Recording</source>
        <translation>录音(&amp;R)</translation>
    </message>
</context>
<context>
    <name>PlayerController</name>
    <message>
        <location filename="../../desktop/ui/player/controller.py" line="84"/>
        <source>%1 is no longer at %2: the transcript works as before; Find… says where it is now.</source>
        <translation>%1 已不在 %2：文字稿照常可用；用“查找…”告诉研读它现在的位置。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/controller.py" line="124"/>
        <source>Open a transcript first, then attach its recording.</source>
        <translation>请先打开文字稿，再附加它的录音。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/controller.py" line="128"/>
        <source>Attach a recording</source>
        <translation>附加录音</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/controller.py" line="129"/>
        <source>Recordings (%1)</source>
        <translation>录音 (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/controller.py" line="145"/>
        <source>%1 is attached to this transcript.</source>
        <translation>%1 已附加到本文字稿。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/controller.py" line="151"/>
        <source>This transcript has no recording.</source>
        <translation>本文字稿没有录音。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/controller.py" line="160"/>
        <source>Where is %1 now?</source>
        <translation>%1 现在在哪里？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/controller.py" line="249"/>
        <source>This transcript has no recording: Recording &gt; Attach a recording.</source>
        <translation>本文字稿没有录音：录音 &gt; 附加录音。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/controller.py" line="279"/>
        <source>Playing at %1×</source>
        <translation>以 %1× 速度播放</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/controller.py" line="297"/>
        <source>This turn has no time yet: stamp it while listening.</source>
        <translation>这段发言还没有时间：边听边打时间戳。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/controller.py" line="342"/>
        <source>Turn %1 starts at %2.</source>
        <translation>第 %1 段发言从 %2 开始。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/controller.py" line="375"/>
        <source>%1 cannot be played (%2); the transcript works as before.</source>
        <translation>%1 无法播放（%2）；文字稿照常可用。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/controller.py" line="386"/>
        <source>Following paused while you read elsewhere; %1 follows the recording again.</source>
        <translation>你在别处阅读，已暂停跟随；按 %1 重新跟随录音。</translation>
    </message>
</context>
<context>
    <name>PlayerDock</name>
    <message>
        <location filename="../../desktop/ui/player/panel.py" line="116"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/panel.py" line="116"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/panel.py" line="137"/>
        <source>Recording</source>
        <translation>录音</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/panel.py" line="139"/>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/panel.py" line="140"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/panel.py" line="141"/>
        <source>Playback speed (the pitch is kept)</source>
        <translation>播放速度（音调不变）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/player/panel.py" line="142"/>
        <source>Position; each tick is a turn, in its speaker&apos;s colour</source>
        <translation>播放位置；每个刻度是一段发言，颜色为其发言人的颜色</translation>
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
        <location filename="../../desktop/ui/review/controller.py" line="98"/>
        <source>%1 cards due</source>
        <translation>%1 张卡片到期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/controller.py" line="99"/>
        <source>No cards due</source>
        <translation>没有到期的卡片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/controller.py" line="101"/>
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
        <location filename="../../desktop/ui/review/controller.py" line="207"/>
        <source>Every turn of this document has been read.</source>
        <translation>本文档的每段发言都已读过。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/controller.py" line="212"/>
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
        <location filename="../../desktop/ui/docks/search.py" line="105"/>
        <source>First %1 shown; counting the rest…</source>
        <translation>已显示前 %1 条，正在统计其余…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="110"/>
        <location filename="../../desktop/ui/docks/search.py" line="128"/>
        <source>%1 — first %2 shown</source>
        <translation>%1 — 显示前 %2 条</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="113"/>
        <source>First %1 of %2 results</source>
        <translation>共 %2 条结果，显示前 %1 条</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="117"/>
        <source>1 result</source>
        <translation>1 条结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="118"/>
        <source>%1 results</source>
        <translation>%1 条结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="137"/>
        <source>1 turn</source>
        <translation>1 段发言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="138"/>
        <source>%1 turns</source>
        <translation>%1 段发言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="140"/>
        <source>1 note</source>
        <translation>1 条批注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="141"/>
        <source>%1 notes</source>
        <translation>%1 条批注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="142"/>
        <source>1 match</source>
        <translation>1 处匹配</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="143"/>
        <source>%1 matches</source>
        <translation>%1 处匹配</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="146"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="50"/>
        <source>Change shortcuts</source>
        <translation>修改快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="51"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="54"/>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="58"/>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="58"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="59"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="76"/>
        <source>&amp;Assign</source>
        <translation>指定(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="77"/>
        <source>&amp;Default</source>
        <translation>默认(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="78"/>
        <source>New key:</source>
        <translation>新按键：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="133"/>
        <source>%1 is already used by “%2”.</source>
        <translation>%1 已被“%2”使用。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shortcuts_dialog.py" line="140"/>
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
    <name>SpeakersTab</name>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="77"/>
        <source>Export &amp;table…</source>
        <translation>导出表格(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="78"/>
        <source>Export share c&amp;hart…</source>
        <translation>导出占比图(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="79"/>
        <source>Export section cha&amp;rt…</source>
        <translation>导出章节图(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="89"/>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="89"/>
        <source>Turns</source>
        <translation>发言次数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="89"/>
        <source>Characters</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="90"/>
        <source>Words</source>
        <translation>词数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="90"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="90"/>
        <source>Average turn</source>
        <translation>平均每段字数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="91"/>
        <source>Longest turn</source>
        <translation>最长一段字数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="91"/>
        <source>Turn</source>
        <translation>发言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="94"/>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="119"/>
        <source>(narration)</source>
        <translation>（旁白）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="101"/>
        <source>Talk time</source>
        <translation>发言时长</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="103"/>
        <source>Letters and digits: each Han character counts as one</source>
        <translation>字母和数字：每个汉字计为一个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="104"/>
        <source>Words as the segmenter cuts them (jieba for Chinese)</source>
        <translation>按分词结果计的词数（中文用结巴分词）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="105"/>
        <source>Share of the speakers&apos; characters (narration left out)</source>
        <translation>占发言人总字数的比例（不含旁白）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="106"/>
        <source>Characters per turn</source>
        <translation>每段发言的字数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="107"/>
        <source>Characters of the longest turn</source>
        <translation>最长一段发言的字数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="108"/>
        <source>The number of the longest turn</source>
        <translation>最长一段发言的编号</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="109"/>
        <source>%n turn(s)</source>
        <translation>
            <numerusform>%n 段发言</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="110"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 字</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="111"/>
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n 词</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="114"/>
        <source>Share of the talk</source>
        <translation>发言占比</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/speakers_tab.py" line="120"/>
        <source>Characters per section</source>
        <translation>各章节字数</translation>
    </message>
</context>
<context>
    <name>TagsTab</name>
    <message>
        <location filename="../../desktop/ui/analysis/tags_tab.py" line="76"/>
        <source>&amp;Count:</source>
        <translation>统计(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/tags_tab.py" line="77"/>
        <source>Export &amp;table…</source>
        <translation>导出表格(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/tags_tab.py" line="81"/>
        <source>Tags by speaker</source>
        <translation>按发言人统计标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/tags_tab.py" line="82"/>
        <source>Tags together: annotations that overlap</source>
        <translation>标签共现：重叠的批注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/tags_tab.py" line="83"/>
        <source>Tags together: annotations in the same turn</source>
        <translation>标签共现：同一段发言中的批注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/tags_tab.py" line="84"/>
        <source>Tags by document</source>
        <translation>按文档统计标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/tags_tab.py" line="101"/>
        <location filename="../../desktop/ui/analysis/tags_tab.py" line="124"/>
        <location filename="../../desktop/ui/analysis/tags_tab.py" line="130"/>
        <source>(narration)</source>
        <translation>（旁白）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/tags_tab.py" line="104"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/tags_tab.py" line="108"/>
        <source>No annotation has a tag here yet.</source>
        <translation>这里还没有带标签的批注。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/tags_tab.py" line="117"/>
        <source>&amp;Annotations (choose a count above):</source>
        <translation>批注(&amp;A)（请在上方选择一个计数）：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/tags_tab.py" line="122"/>
        <source>&amp;Annotations of %1 × %2: %n</source>
        <translation>
            <numerusform>%1 × %2 的批注(&amp;A)：%n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamConflictsDock</name>
    <message>
        <location filename="../../desktop/ui/docks/team_conflicts.py" line="30"/>
        <source>%1 and %2 both changed it</source>
        <translation>%1 和 %2 都改了它</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/team_conflicts.py" line="31"/>
        <source>%1 deleted it while %2 changed it</source>
        <translation>%1 删除了它，而 %2 同时改了它</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/team_conflicts.py" line="32"/>
        <source>%2&apos;s change could not be applied</source>
        <translation>%2 的更改无法应用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/team_conflicts.py" line="73"/>
        <source>Team conflicts</source>
        <translation>团队冲突</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/team_conflicts.py" line="74"/>
        <source>Keep what is here</source>
        <translation>保留现有内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/team_conflicts.py" line="75"/>
        <source>The change kept on every copy stays</source>
        <translation>各副本上保留的更改不变</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/team_conflicts.py" line="76"/>
        <source>Put back the other side</source>
        <translation>恢复另一方</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/team_conflicts.py" line="77"/>
        <source>Write the side that lost as your own change; the next sync sends it (Undo takes it back)</source>
        <translation>把被覆盖的一方写成你自己的更改；下次同步时发出（可撤销）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/team_conflicts.py" line="98"/>
        <source>%1 open conflict(s). The later change was kept on every copy.</source>
        <translation>%1 处冲突待处理。各副本都保留了较晚的更改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/team_conflicts.py" line="100"/>
        <source>No conflicts.</source>
        <translation>没有冲突。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/team_conflicts.py" line="122"/>
        <source>%1: kept “%2”, lost “%3”</source>
        <translation>%1：保留“%2”，被覆盖“%3”</translation>
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
    <name>TermsTab</name>
    <message>
        <location filename="../../desktop/ui/analysis/terms_tab.py" line="72"/>
        <source>Export &amp;table…</source>
        <translation>导出表格(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/terms_tab.py" line="73"/>
        <source>Export &amp;plot…</source>
        <translation>导出分布图(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/terms_tab.py" line="74"/>
        <source>&amp;Dispersion:</source>
        <translation>分布(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/terms_tab.py" line="78"/>
        <source>One row per term (the most frequent)</source>
        <translation>每个术语一行（最常见的）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/terms_tab.py" line="79"/>
        <source>One row per speaker (the current term)</source>
        <translation>每位发言人一行（当前术语）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/terms_tab.py" line="96"/>
        <source>Term</source>
        <translation>术语</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/terms_tab.py" line="96"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/terms_tab.py" line="97"/>
        <location filename="../../desktop/ui/analysis/terms_tab.py" line="131"/>
        <source>(narration)</source>
        <translation>（旁白）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/terms_tab.py" line="133"/>
        <source>Where %1 falls, by speaker</source>
        <translation>%1 在文中的位置（按发言人）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/terms_tab.py" line="138"/>
        <source>Where the most frequent terms fall</source>
        <translation>最常见术语在文中的位置</translation>
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
<context>
    <name>WordsTab</name>
    <message>
        <location filename="../../desktop/ui/analysis/words_tab.py" line="54"/>
        <source>&amp;Speaker:</source>
        <translation>发言人(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/words_tab.py" line="55"/>
        <source>Export &amp;table…</source>
        <translation>导出表格(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/words_tab.py" line="56"/>
        <source>No word stands out for this speaker: none is used at least three times and markedly more than by the others.</source>
        <translation>该发言人没有特别突出的词：没有哪个词出现至少三次且明显多于其他人。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/words_tab.py" line="59"/>
        <source>Words this speaker uses markedly more than the others: log-likelihood G² (≥ 3.84: p &lt; 0.05; ≥ 6.63: p &lt; 0.01; ≥ 10.83: p &lt; 0.001). Log ratio 1 means twice as often. Stop words are left out; glossary terms are in bold. Press Enter on a word for its concordance.</source>
        <translation>该发言人明显比其他人更常用的词：对数似然值 G²（≥ 3.84：p &lt; 0.05；≥ 6.63：p &lt; 0.01；≥ 10.83：p &lt; 0.001）。对数比为 1 表示频率是其他人的两倍。已去除停用词；术语表中的术语以粗体显示。在词上按回车可查看其索引行。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/words_tab.py" line="86"/>
        <source>Word</source>
        <translation>词语</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/words_tab.py" line="86"/>
        <source>G²</source>
        <translation>G²</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/words_tab.py" line="86"/>
        <source>Log ratio</source>
        <translation>对数比</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/words_tab.py" line="86"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/words_tab.py" line="87"/>
        <source>Others</source>
        <translation>其他人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/words_tab.py" line="87"/>
        <source>Per 10,000 words</source>
        <translation>每万词</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/words_tab.py" line="87"/>
        <source>Others per 10,000</source>
        <translation>其他人每万词</translation>
    </message>
</context>
</TS>
