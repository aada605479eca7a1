// The `yaml` library's error messages in Chinese. A clerk reading zh-CN must never meet the
// parser's English: each message the library (2.x) can give for a record file is matched here;
// one it adds later falls back to a sentence for its error code, and failing that to a general
// one. The English message stays the English diagnostic, and the place stays the library's.

/** Message patterns, most specific first. */
const BY_MESSAGE: [RegExp, string][] = [
  [
    /Implicit keys of flow sequence pairs need to be on a single line/,
    '方括号里有一项跨行且带冒号，请检查行末是否漏了逗号（本身带冒号的项请加英文引号）',
  ],
  [/Implicit keys need to be on a single line/, '字段名和冒号必须写在同一行'],
  [/Implicit map keys need to be followed by map values/, '字段名后面缺少冒号'],
  [/Nested mappings are not allowed in compact mappings/, '同一行里不能再嵌套“字段: 值”'],
  [/All mapping items must start at the same column/, '同一层的字段必须从同一列开始（缩进对齐）'],
  [/All (collection|sequence) items must start at the same column/, '同一层的各项必须从同一列开始（缩进对齐）'],
  [/Missing closing ["']?quote/, '引号没有成对，缺少右引号'],
  [/Flow (sequence|map|collection).*(end with|sufficiently)/i, '方括号或花括号没有成对'],
  [/Unexpected flow-(seq|map)-end/, '多出了一个右括号'],
  [/Unexpected \S+ at node end/, '一行里多写了内容，或缺少冒号'],
  [/Map keys must be unique/, '同一记录里字段名重复'],
  [
    /Sequence items are not allowed on the same line with map keys|A block sequence may not be used as an implicit map key|block-seq-ind on same line with key/,
    '列表项“- ”不能和字段名写在同一行',
  ],
  [/Sequence item without - indicator/, '列表项前面缺少“- ”'],
  [/Unexpected empty item|Unexpected , in flow/, '括号里多了一个逗号（两个逗号之间是空的）'],
  [/Missing , (or : )?between flow/, '括号里的各项之间缺少逗号'],
  [/Missing space after : in flow/, '花括号里冒号后面缺少空格'],
  [/Block collections are not allowed within flow collections/, '方括号或花括号里不能再用换行缩进或“- ”的写法'],
  [/Invalid escape sequence/, '双引号里的反斜杠“\\”写法不对，请改用单引号，或把“\\”写成“\\\\”'],
  [/Plain value cannot start with/, '值不能以这个符号开头，请给整个值加上英文引号'],
  [/Block scalar header includes extra characters|in block scalar header/, '“|”或“>”后面不能接其他内容，文字请从下一行写起'],
  [/Block scalar/, '“|”或“>”下面的多行文字缩进不对，每行都要比字段名多缩进'],
  [/(Alias|Anchor) cannot be an empty string|(Alias|Anchor) ending in : is ambiguous/, '“*”或“&”后面缺少名字，值以它们开头时请加英文引号'],
  [/Comments must be separated from other tokens by white space/, '“#”注释前面要有空格，“#”是内容的一部分时请给值加英文引号'],
  [/Tags and anchors must be separated/, '“!”或“&”后面要有空格，值以它们开头时请加英文引号'],
  [/cannot start on same line with directives-end marker/, '“---”后面不能直接接内容，请换行再写'],
  [/directives-end|directive/i, '以“%”开头的行是 YAML 指令，记录文件中不需要，请删去（值以“%”开头时请加英文引号）'],
  [/The : indicator must be at most 1024 chars/, '字段名太长（超过1024个字符），可能漏写了冒号后的空格或换行'],
  [/Unexpected \S+ token in YAML (stream|document)/, '这里有多余的内容，不属于任何字段，请检查缩进和冒号'],
];

/** Error codes of the `yaml` library, for a message not matched above. */
const BY_CODE: Record<string, string> = {
  BAD_INDENT: '缩进没有对齐，同一层的内容必须从同一列开始',
  MISSING_CHAR: '缺少必要的符号（冒号、逗号、括号或引号）',
  MULTILINE_IMPLICIT_KEY: '字段名和冒号必须写在同一行',
  BLOCK_AS_IMPLICIT_KEY: '同一行里不能再嵌套“字段: 值”或列表项',
  BLOCK_IN_FLOW: '方括号或花括号里不能再用换行缩进或“- ”的写法',
  BAD_SCALAR_START: '值不能以这个符号开头，请给整个值加上英文引号',
  BAD_DQ_ESCAPE: '双引号里的反斜杠“\\”写法不对',
  BAD_ALIAS: '“*”或“&”的写法不对，值以它们开头时请加英文引号',
  ALIAS_PROPS: '“*”或“&”的写法不对，值以它们开头时请加英文引号',
  MULTIPLE_ANCHORS: '“&”的写法不对，值以它开头时请加英文引号',
  MULTIPLE_TAGS: '“!”的写法不对，值以它开头时请加英文引号',
  BAD_PROP_ORDER: '“!”或“&”的位置不对，值以它们开头时请加英文引号',
  KEY_OVER_1024_CHARS: '字段名太长，可能漏写了冒号后的空格或换行',
  BAD_DIRECTIVE: '以“%”开头的行是 YAML 指令，记录文件中不需要，请删去',
  UNEXPECTED_TOKEN: '这里有多余或位置不对的符号',
};

const GENERAL = '这一行的写法不符合 YAML 格式，请对照模板检查冒号、空格、括号和引号';

/** The Chinese for a message of the `yaml` library (and its error code, when known). */
export function yamlDetailZh(detail: string, code?: string): string {
  for (const [re, zh] of BY_MESSAGE) if (re.test(detail)) return zh;
  return (code !== undefined && BY_CODE[code]) || GENERAL;
}
