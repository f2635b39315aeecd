using System.Text;

namespace NewsArchive.Benchmarks;

/// <summary>
/// Russian trade-news text with a realistic word-frequency curve: words are drawn by Zipf's law (exponent 1)
/// over a vocabulary of real words in several grammatical forms (function words first, then the trade
/// vocabulary) followed by a long tail of generated words, so an archive holds very common words
/// (<see cref="CommonWord"/>: in about half the articles), ordinary ones and rare ones. Deterministic for a seed.
/// </summary>
public sealed class SyntheticText
{
    /// <summary>A word whose forms are near the head of the curve: in roughly half the articles.</summary>
    public const string CommonWord = "автомобиль";

    /// <summary>A real word planted in one article in <see cref="RareEvery"/> and nowhere else.</summary>
    public const string RareWord = "гидроцикл";

    public const int RareEvery = 10_000;

    private static readonly string[] RareForms = ["гидроцикл", "гидроциклов", "гидроциклы", "гидроциклами"];

    private static readonly string[] Head =
    [
        "в", "и", "на", "с", "по", "что", "не", "для", "года", "к", "о", "из", "как", "а", "от", "это", "также", "за", "он", "при",
        "автомобилей", "рынок", "компании", "году", "продажи", "автомобили", "марки", "более", "до", "было",
        "автомобиля", "рынке", "дилеров", "процентов", "выросли", "время", "модели", "новых", "у", "россии",
        "будет", "сегодня", "тысяч", "автомобиль", "цены", "компания", "производства", "после", "месяц", "кроссовер",
        "завод", "продаж", "данным", "спрос", "объем", "января", "марта", "рынка", "автомобилем", "лизинг",
        "дилерский", "центр", "автокредитования", "импорт", "параллельный", "бренд", "марка", "локализация", "производство", "заводе",
        "электромобилей", "электромобиль", "электромобили", "грузовиков", "грузовик", "автобусов", "автобус", "запчастей", "сервис", "поставки",
        "утильсбор", "пошлины", "правительство", "минпромторг", "аналитики", "эксперты", "агентство", "автостат", "данные", "статистика",
        "регионе", "регионах", "москве", "петербурге", "казани", "тольятти", "калуге", "нижнем", "новгороде", "екатеринбурге",
        "lada", "haval", "chery", "geely", "tenet", "москвич", "kia", "hyundai", "toyota", "exeed",
        "снизились", "увеличились", "сократился", "вырос", "составил", "составили", "достигли", "сохранился", "ожидается", "прогнозируют",
        "первом", "квартале", "полугодии", "феврале", "апреле", "мае", "июне", "июле", "августе", "сентябре",
        "дилеры", "дилерам", "дилерами", "покупатели", "покупателей", "клиентов", "владельцев", "водителей", "рублей", "миллиона",
        "стоимость", "средняя", "цена", "выросла", "снизилась", "подорожали", "подешевели", "скидки", "предложение", "спроса",
        "новый", "новая", "нового", "новые", "подержанных", "вторичном", "легковых", "коммерческих", "грузовых", "китайских",
        "двигатель", "двигателем", "трансмиссия", "комплектация", "комплектации", "версии", "поколения", "модельного", "ряда", "платформе",
        "банк", "банки", "кредит", "ставки", "ставка", "ключевой", "центробанка", "субсидии", "программы", "льготного",
        "перевозчики", "логистика", "таможня", "контейнеров", "экспорт", "утилизационный", "сбор", "тарифы", "налог", "страховка",
    ];

    private static readonly string[] TitleTemplates =
    [
        "Продажи {0} в {1} выросли на {2}%",
        "Рынок {0}: итоги месяца",
        "{0} начинает производство в {1}",
        "Дилеры {0} снизили цены на {2}%",
        "Спрос на {0} в {1} сократился",
        "Аналитики назвали самые популярные модели {0}",
        "Утильсбор для {0} вырастет на {2}%",
        "Лизинг {0}: спрос вырос в {1}",
    ];

    private static readonly string[] Places = ["Москве", "Петербурге", "Казани", "Тольятти", "Калуге", "регионах", "Сибири", "Татарстане"];

    private static readonly string[] Brands = ["Lada", "Haval", "Chery", "Geely", "Tenet", "Москвич", "Kia", "Hyundai", "Toyota", "Exeed", "КАМАЗ", "ГАЗ"];

    private readonly string[] _words;
    private readonly double[] _cumulative;
    private readonly Random _random;
    private readonly StringBuilder _builder = new(4096);

    public SyntheticText(int seed, int tailWords = 40_000)
    {
        _random = new Random(seed);
        var tail = GenerateTail(new Random(seed + 1), tailWords);
        _words = [.. Head, .. tail];
        _cumulative = new double[_words.Length];
        var sum = 0.0;
        for (var i = 0; i < _words.Length; i++)
        {
            sum += 1.0 / (i + 1);
            _cumulative[i] = sum;
        }
        for (var i = 0; i < _cumulative.Length; i++)
        {
            _cumulative[i] /= sum;
        }
    }

    public int VocabularySize => _words.Length;

    public string Title(int id)
    {
        var template = TitleTemplates[_random.Next(TitleTemplates.Length)];
        var brand = Brands[_random.Next(Brands.Length)];
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, template, brand, Places[_random.Next(Places.Length)], 1 + (id % 40));
    }

    /// <summary>A body of 4 to 8 paragraphs, about 140 words in all; every <see cref="RareEvery"/>-th article holds the rare word.</summary>
    public string Body(int id)
    {
        _builder.Clear();
        var paragraphs = 4 + _random.Next(5);
        var words = 80 + _random.Next(121);
        var perParagraph = words / paragraphs;
        var rareAt = id % RareEvery == RareEvery / 2 ? _random.Next(words) : -1;
        var written = 0;
        for (var p = 0; p < paragraphs; p++)
        {
            if (p > 0)
            {
                _builder.Append("\n\n");
            }
            var sentenceLeft = 0;
            for (var w = 0; w < perParagraph; w++, written++)
            {
                var word = written == rareAt ? RareForms[_random.Next(RareForms.Length)] : Next();
                if (sentenceLeft == 0)
                {
                    sentenceLeft = 8 + _random.Next(12);
                    if (w > 0)
                    {
                        _builder.Append(". ");
                    }
                    _builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
                }
                else
                {
                    _builder.Append(_random.Next(12) == 0 ? ", " : " ").Append(word);
                }
                sentenceLeft--;
            }
            _builder.Append('.');
        }
        return _builder.ToString();
    }

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public double NextDouble() => _random.NextDouble();

    private string Next()
    {
        var index = Array.BinarySearch(_cumulative, _random.NextDouble());
        return _words[index < 0 ? Math.Min(~index, _words.Length - 1) : index];
    }

    private static string[] GenerateTail(Random random, int count)
    {
        const string consonants = "бвгдзклмнпрстфхчш";
        const string vowels = "аеиоуя";
        string[] endings = ["", "а", "ов", "ами", "ский", "ость", "ение", "ого", "ные", "ует", "ать", "ой"];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var words = new List<string>(count);
        var builder = new StringBuilder();
        while (words.Count < count)
        {
            builder.Clear();
            var syllables = 2 + random.Next(3);
            for (var s = 0; s < syllables; s++)
            {
                builder.Append(consonants[random.Next(consonants.Length)]).Append(vowels[random.Next(vowels.Length)]);
            }
            builder.Append(endings[random.Next(endings.Length)]);
            var word = builder.ToString();
            if (!word.Contains("гидроцикл", StringComparison.Ordinal) && seen.Add(word))
            {
                words.Add(word);
            }
        }
        return [.. words];
    }
}
