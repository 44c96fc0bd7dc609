// Japanese phrase pack: data only. Japanese has no spaces, so phrases match anywhere in prose.

extension PhrasePack {
    public static let japanese = PhrasePack(
        language: .japanese,
        rolePreamble: RolePreambleData(
            starters: ["あなたは"],
            vocabulary: [],
            heads: ["アシスタント", "AI", "ＡＩ", "ai", "チャットボット", "人工知能", "言語モデル", "助手"],
            disclaimers: ["AI言語モデルとして", "ＡＩ言語モデルとして", "AIとして", "ＡＩとして", "言語モデルとして"],
            fragments: [
                "親切で", "親切な", "優秀な", "有能な", "役に立つ", "役立つ", "便利な", "丁寧な", "誠実で", "誠実な", "無害で",
                "無害な", "正直で", "正直な", "賢い", "頼りになる", "フレンドリーな", "知識豊富な", "優しい", "有用な", "汎用",
                "高性能な", "大規模", "AI", "ＡＩ", "ai", "アシスタント", "チャットボット", "人工知能", "言語モデル", "助手",
                "の", "な", "で", "、", "・", " ", "　", "一人", "一つ",
            ],
            endings: ["です", "でございます", "である", "だ", "として振る舞ってください", "として振る舞います"]
        ),
        politeFillers: [
            PoliteFiller("どうか", .adverb),
            PoliteFiller("恐れ入りますが", .adverb),
            PoliteFiller("お手数ですが", .adverb),
            PoliteFiller("申し訳ありませんが", .adverb),
            PoliteFiller("よろしくお願いします", .closing),
            PoliteFiller("よろしくお願いいたします", .closing),
            PoliteFiller("よろしくお願い致します", .closing),
            PoliteFiller("宜しくお願いします", .closing),
            PoliteFiller("ありがとうございます", .closing),
            PoliteFiller("ありがとうございました", .closing),
            PoliteFiller("お願いします", .sentenceEnd),
            PoliteFiller("お願いいたします", .sentenceEnd),
            PoliteFiller("お願い致します", .sentenceEnd),
        ],
        metaPreambles: [
            MetaPreamble("あなたのタスクは", nil),
            MetaPreamble("あなたの仕事は", nil),
            MetaPreamble("あなたの役割は", nil),
            MetaPreamble("以下は", nil),
            MetaPreamble("これから", nil),
        ],
        wordyPhrases: [
            WordyPhrase("することができます", "できます"),
            WordyPhrase("することができる", "できる"),
            WordyPhrase("ということ", "こと"),
            WordyPhrase("を行う", "する"),
            WordyPhrase("を行ってください", "してください"),
            WordyPhrase("という風に", "ように"),
            WordyPhrase("であるかどうか", "か"),
        ],
        intensifiers: ["非常に", "とても", "本当に", "すごく", "めちゃくちゃ", "実際に", "基本的に"],
        length: LengthPatterns(
            numberWords: ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
                          "百": 100, "千": 1000, "ひと": 1, "ふた": 2],
            units: [:],
            modifiers: [],
            rangeJoiners: ["〜", "～", "-", "から"],
            qualifiers: ["以内", "以下", "程度", "まで", "前後", "未満", "くらい", "ぐらい", "ほど", "で"],
            lowerQualifiers: ["以上"],
            singleUnits: ["一言で", "ひとことで", "一文で", "1文で", "１文で", "はいかいいえ", "「はい」か「いいえ」", "一語で", "単語一つ"],
            verbGatedSingleUnits: [],
            outputVerbs: [],
            exclusive: [
                "のみを出力", "のみ出力", "だけを出力", "だけ出力", "のみを返", "だけを返", "のみで回答", "のみで答", "のみを回答",
                "だけで回答", "だけで答", "以外は出力しない", "以外は何も", "他には何も", "以外の文章は", "のみを記述", "のみ記載",
                "説明は不要", "説明不要", "前置きは不要",
            ],
            vague: ["簡潔に", "短く", "手短に", "端的に", "簡潔な", "短い", "短め"],
            vagueExceptions: [],
            cjkUnits: ["文字": .characters, "字": .characters, "行": .lines, "文": .sentences, "個": .items, "つ": .items,
                       "件": .items, "パターン": .items, "語": .words, "単語": .words, "項目": .items, "段落": .paragraphs,
                       "点": .items, "案": .items, "トークン": .tokens, "ページ": .pages, "ワード": .words, "センテンス": .sentences],
            cjkQualifiers: ["以内", "以下", "程度", "まで", "前後", "未満", "くらい", "ぐらい", "ほど", "に収め", "におさめ", "に抑え", "でまとめ"],
            cjkCountingSuffixes: ["の", "で", "に", "を", "挙げ"]
        ),
        openEnded: ["すべて列挙", "全て列挙", "全部列挙", "できるだけ多く", "できるだけ詳しく", "可能な限り詳しく", "可能な限り多く",
                    "網羅的", "考えられるすべて", "思いつく限り"],
        stopWords: ["の", "に", "は", "を", "た", "が", "で", "て", "と", "し", "れ", "さ", "な", "も", "い", "る", "か", "こ", "そ", "あ", "す", "ま", "。", "、"]
    )
}
