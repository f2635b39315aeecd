using System.Text.RegularExpressions;

namespace NewsArchive.Parsing;

/// <summary>Class/id and heading vocabularies that tell content from chrome, in English and Russian.</summary>
internal static partial class Vocabulary
{
    [GeneratedRegex(@"article|content|entry|post|story|text|body|news-detail|detail_text|news-text|material|main|blog|hentry|publication", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex PositiveClass();

    // Words must start a class name or follow a separator: "subjective commentary" or "left-navigation_page-wrapper" are not chrome by name alone.
    [GeneratedRegex(@"(^|[\s_-])(comment([^a]|$)|share|sharing|social|related|similar|subscri|newsletter|rassylka|banner|advert|ads?($|[\s_-])|promo($|[\s_-]|box|block|tion)|sponsor|tags?($|[\s_-])|tag-?list|tagcloud|breadcrumb|author[-_]?(box|bio|info|desc|details|profile)|about-?(the-?)?author|sabox|widget|sidebar|footer|nav|menu|login|auth|signin|register|pop-?up|modal|cookie|consent|gdpr|content-blocker|privacy-embed|embed-?(preview|placeholder|privacy)|third-party|embedded-content|masthead|pager|pagination|rating|counter|popular|most-?read|also|recommend|teaser([^-_]|$)|toolbar|shoutbox|disqus|outbrain|taboola|jp-relatedposts|meta-nav|skip|post-?meta|entry-?meta|article-?meta|postmetadata|byline|copyright|disclaimer|disclosure|next-?post|prev-?post|post-?nav|nextstory|read-?more|more-?link|credit)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex NegativeClass();

    /// <summary>Names so plainly chrome that even a paragraph carrying them goes: credits, disclaimers, embeds awaiting consent.</summary>
    [GeneratedRegex(@"(^|[\s_-])(copyright|credit|disclaimer|privacy|consent|advert|sponsor|newsletter|subscri|share|social)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex StrongChromeClass();

    /// <summary>Classes that name the article body itself, strongest signal after structured data.</summary>
    [GeneratedRegex(@"(^|[\s_-])(news-detail|detail[_-]text|news[_-]text|article[_-]?(body|text|content)|article__(body|text|content)|entry-content|post-content|post-body|post-entry|story-body|story-content|content-text|text-content|articletext|article-text|newstext|news-body|single-content|td-post-content|field-name-body|material-text|b-text|js-mediator-article)($|[\s_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex BodyClass();

    /// <summary>Classes blog engines put on the post's own wrapper next to taxonomy classes such as "tag-cars" or "category-news".</summary>
    [GeneratedRegex(@"(^|\s)(hentry|h-entry|type-post|type-page|status-publish|post-\d+|page-\d+|format-standard)(\s|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex ArticleWrapperClass();

    /// <summary>Chrome by class/id, unless the names also say article body or post wrapper.</summary>
    public static bool IsNegative(string names) =>
        names.Length > 0 && NegativeClass().IsMatch(names) && !BodyClass().IsMatch(names) && !ArticleWrapperClass().IsMatch(names)
        && !LeadClass().IsMatch(names)
        && NegativeClass().IsMatch(WithoutStructuralNames(names));

    /// <summary>The names without those that say how a block is built or laid out, not what it is.</summary>
    private static string WithoutStructuralNames(string names) =>
        names.Contains("elementor-", StringComparison.OrdinalIgnoreCase) || names.Contains("--", StringComparison.Ordinal)
            ? StructuralNames().Replace(names, "")
            : names;

    /// <summary>
    /// Elementor wraps every block of a page, text included, in "elementor-widget", "-wrap" and "-container"; its widget
    /// kinds ("elementor-widget-share-buttons") still count. A BEM modifier for ads ("TestReport__Section--Ads") marks a
    /// variant of the block with ad slots in it, not an ad.
    /// </summary>
    [GeneratedRegex(@"elementor-widget(-wrap|-container|-text-editor|-heading|-image|-theme-post-content)?(?=\s|$)|--(ads?|advert\w*)(?=[\s-]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex StructuralNames();

    /// <summary>Blocks holding an article's lead or standfirst, kept with the body.</summary>
    [GeneratedRegex(@"(^|[\s_-])(lead|lede|chapo|chapeau|perex|vorspann|sapo|entradilla|bajada|sub-?headline|teaser-?text|preview-?text|preview_text|intro|standfirst|subtitle|subhead|summary|anons|annotation|excerpt|description|deck|dek|announce)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex LeadClass();

    [GeneratedRegex(@"по\s+теме|читайте\s+также|читать\s+также|смотрите\s+также|см\.\s+также|похожие|связанн|ещё\s+по\s+теме|еще\s+по\s+теме|другие\s+новости\s+по|related|see\s+also|read\s+also|read\s+more|also\s+read|more\s+from|recommended|auch\s+interessant|lesen\s+sie\s+(auch|mehr)|weitere\s+beiträge|weitere\s+artikel|könnte\s+(dich|sie|euch)\s+auch|mehr\s+zum\s+thema|schon\s+gelesen|empfehlungen|relacionad|lea\s+también|ver\s+también|más\s+sobre|czytaj\s+(więcej|też|także)|zobacz\s+(też|także)|à\s+lire\s+aussi|lire\s+aussi|voir\s+aussi|leggi\s+anche|more\s+on\s+this|you\s+may\s+also|weitere\s+artikel|mehr\s+zum\s+thema|das\s+könnte|(le\s+|te\s+)?puede\s+interesar|puedes\s+ver|vea\s+tambi[eé]n|mira\s+tambi[eé]n|zobacz\s+również", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex RelatedHeading();

    /// <summary>A heading that opens what follows an article rather than a section of it.</summary>
    [GeneratedRegex(@"^\s*((diese\s+seite|seite|artikel|news|beitrag)\s+teilen|share\s+(this|on)|teilen\s*:|partager|compartir|condividi|udostępnij|поделиться|möchten\s+sie\s+den\s+artikel\s+teilen|.{0,30}newsletter|subscribe|abonnieren|подпишитесь|(über|zum)\s+(den\s+)?autor|about\s+the\s+author|об\s+авторе|sobre\s+el\s+autor|à\s+propos\s+de\s+l.auteur|o\s+autorze|(schlagworte|schlagwörter|tags|themen(\s+im\s+artikel)?|теги|метки|etiquetas|mots-clés|tagi)\s*:?\s*$|(mehr|weitere)\s+themen|zum\s+weiterlesen|auch\s+lesen|empfohlene\s+(beiträge|artikel)|siehe\s+auch|weiterführende?\s+(informationen|links?|infos)|weitere\s+(informationen|infos|links)\s*(zum\s+thema)?\s*:?\s*$|mehr\s+(infos|informationen)\s*:?\s*$|explore\s+further|further\s+reading|more\s+information\s*:?\s*$|you\s+might\s+also\s+like|(presse)?kontakt\s*:?\s*$|ansprechpartner|medienkontakt|media\s+contacts?|press\s+contacts?|контакты\s+для\s+(сми|прессы)|weitere\s+informationen\s+(zu|über)\s|contact(s)?\s*:?\s*$|контакты\s*:?\s*$|(quellen|sources|источники)\s*:?\s*$|weitere\s+(artikel|beiträge|pressemitteilungen|meldungen|nachrichten|\w*tipps|inhalte\s+zu)|(neueste|aktuelle|ähnliche|verwandte)\s+(artikel|beiträge)\s*:?\s*$|(das|dies(es|e)?)(\s+thema)?\s+könnte\s+(dich|sie|euch)\s+(auch\s+)?interessieren|vous\s+aimerez\s+aussi|related\s+(articles|stories|posts|content)|more\s+(stories|articles)\s+(from|like)|(wie\s+bewerten\s+sie|war\s+dieser\s+(artikel|beitrag)|was\s+this\s+(article|page))|rate\s+this\s+(article|page)|похожие\s+(новости|статьи|материалы)|(vorschau\s+auf\s+den\s+)?nächste[rn]?\s+(artikel|beitrag)|vorherige[rn]?\s+(artikel|beitrag)|(next|previous)\s+(article|post|story)|следующая\s+(новость|статья)|предыдущая\s+(новость|статья))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex TailHeading();

    [GeneratedRegex(@"новости\s+за|за\s+сегодня|последние\s+новости|лента\s+новостей|популярн|самое\s+читаемое|самое\s+интересное|читаемое|обсуждаемое|главное|свежие\s+записи|последние\s+записи|recent\s+posts|recent\s+entries|новости\s+компаний|most\s+read|popular|latest|trending|top\s+stories|meistgelesen|neueste", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex SidebarHeading();

    /// <summary>Short blocks starting with these are chrome whatever their markup.</summary>
    [GeneratedRegex(@"^\s*(вход\s+на\s+сайт|войти|чтобы\s+оставл|для\s+того\s+чтобы\s+оставить|оставить\s+комментарий|комментарии\s*(\(\d+\))?\s*$|добавить\s+комментарий|подпис(аться|ывайтесь)|рассылка|поделиться|реклама|забыли\s+пароль|регистрация|авторизуйтесь|share\b|subscribe|sign\s+up|log\s+in|leave\s+a\s+(comment|reply)|related\s+posts|[-–*]?\s*(anzeige|werbung|advertisement|publicidad|sponsored)\s*([-–:,.|]|$))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex ChromeText();

    /// <summary>A whole short line that is page furniture: ad labels, share and print prompts, photo credits, reading time.</summary>
    [GeneratedRegex(@"^[\s<«‹←]*((реклама|advertisement|anzeige|werbung|sponsored|публикуется\s+на\s+правах\s+рекламы|share|teilen|tweet|drucken|print|kommentieren|kommentare|comments?|комментарии|поделиться|\d+\s+min(ute)?s?\s+read|lesezeit:?.*|zurück(\s+zu[rm]?\s+.{0,40})?|back\s+to\s+.{0,40}|назад|вернуться.{0,40}|все\s+(новости|статьи|материалы|публикации)|all\s+(news|stories)|возврат\s+к\s+.{0,30}|drukuj|kommentare?\s+schreiben|write\s+a\s+comment|print\s+this.{0,20}|версия\s+для\s+печати|распечатать|(.{0,40}\s)?als\s+pdf(\s+herunterladen)?|pdf\s+(herunterladen|download)|download\s+(as\s+)?pdf|скачать\s+pdf|image\s+illustrative|photo\s+d.illustration|symbolbild|symbolfoto|иллюстративное\s+фото|escucha\s+esta\s+nota(\s+aqu[ií])?|ouça\s+este\s+conteúdo|listen\s+to\s+(this|the)\s+(article|story)|artikel\s+(anhören|vorlesen)|слушать(\s+новость)?|click\s+to\s+enlarge|(bild\s+)?vergrößern|zum\s+vergrößern.{0,40}|увеличить(\s+фото)?)[\s.:!»›→<«‹←]*|((фото|источник\s+фото|foto|fotos|photo|photos|bild|bilder|credit|crédits?(\s+photos?)?|image|quelle|titelbild|beitragsbild|picture|abbildung(\s+\d+)?|abb\.\s*\d*|infografik|grafik|gr[aá]fico|fig(ure|\.)\s*\d+|рис(унок|\.)\s*\d+|źródło|fuente)\s*:.*)|(©|\(c\))\s*\S.{0,58})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex ChromeLine();

    /// <summary>Picture agencies, as credited under photos ("AFP / Marco Bertorello", "Augusta National/Getty Images").</summary>
    [GeneratedRegex(@"getty\s*images|\bafp\b|\bap\s+photo|\bdpa\b|reuters|\bimago\b|shutterstock|istock|picture[\s-]alliance|\bepa\b|wenn\.com|bestimage|keystone|\bapa\b|ria\s+novosti|риа\s+новости|\bтасс\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex PhotoAgency();

    /// <summary>
    /// A heading that opens the comments: the body ends there. Only whole-heading forms, since
    /// "Reaktionen aus der Politik" or "Comments from analysts" are article subheadings.
    /// </summary>
    [GeneratedRegex(@"^\s*((\d+\s+)?(комментари[ийея]в?|kommentare?|comments?)(\s*\(\d+\))?\s*:?|leave\s+a\s+(reply|comment).*|schreibe\s+einen\s+kommentar.*|добавить\s+комментарий|оставить\s+комментарий|\d+\s+(thoughts|responses|replies|antworten|kommentare|comments|комментари\w*)\s+(on|to|auf|zu|к)\s+.*)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex CommentsHeading();

    /// <summary>A line asking the reader to subscribe, follow, support or donate.</summary>
    [GeneratedRegex(@"newsletter|abonnier|subscrib|unterstützen\s+sie|support\s+(us|our)|donat|spende|folg(en|t)\s+(sie\s+)?uns|follow\s+us|síguenos|siguenos|suscr[ií]b|подпис(ывайтесь|аться)\s+на|наш\s+(telegram|телеграм)|if\s+you\s+enjoyed|gefällt\s+(dir|ihnen)\s+unser|sie\s+lesen\s+gern|apps?\s+for\s+(ios|android)|download\s+(the|our)\s+.{0,30}app|^\s*follow\s+.{0,40}\s+on\s+(twitter|facebook|instagram|telegram)|canal\s+de\s+(telegram|youtube|whatsapp)|hazte\s+(miembro|socio)|zapraszamy\s+.{0,20}subskrypc|we\s+want\s+to\s+hear\s+what\s+you\s+think|submit\s+(a|your)\s+letter|never\s+miss\s+(the|a|an|our)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex AppealToReader();

    /// <summary>Picture captions and credits outside &lt;figcaption&gt;.</summary>
    [GeneratedRegex(@"(^|[\s_-])(caption|legend|bildunterschrift|image-?source|img-?metadata|image-?annotation|photo-?credit|foto-?credit|bildquelle|img-?caption|image-?credit)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex CaptionClass();

    /// <summary>Readers' comment threads and forums under an article.</summary>
    [GeneratedRegex(@"(^|[\s_-])(comments?($|[\s_-]|list|links|section|area|thread|wrap|container|block)|commentlist|kommentare|forum|discussion|disqus|replies|responses)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex DiscussionClass();

    [GeneratedRegex(@"view|просмотр|prosmotr|shows|hits|eye|read-count|views-count", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex ViewsClass();

    [GeneratedRegex(@"comment|коммент|reply|disqus", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex CommentsClass();

    [GeneratedRegex(@"author|byline|автор|writer|creator", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex AuthorClass();

    [GeneratedRegex(@"(^|[^\w])(след\.?|следующая|далее|вперед|вперёд|next|weiter|›|»|→)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex NextPageText();

    [GeneratedRegex(@"[?&]PAGEN_\d+=\d+|/page/\d+/?$|[?&]page=\d+|/page-\d+/?$|/p\d+/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex PaginationUrl();
}
