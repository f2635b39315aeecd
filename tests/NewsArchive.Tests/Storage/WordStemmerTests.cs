using NewsArchive.Storage;

namespace NewsArchive.Tests.Storage;

/// <summary>The morphology set: word forms an analyst expects one search to find together.</summary>
public sealed class WordStemmerTests
{
    public static TheoryData<string, string> SameStem => new()
    {
        { "электромобиль", "электромобилей" },
        { "электромобиль", "электромобили" },
        { "электромобиль", "электромобилем" },
        { "электромобиль", "электромобилям" },
        { "дилер", "дилеров" },
        { "дилер", "дилерам" },
        { "автодилер", "автодилеров" },
        { "автомобиль", "автомобилями" },
        { "автомобиль", "автомобили" },
        { "говорили", "говорил" },
        { "продажа", "продажи" },
        { "продажа", "продажами" },
        { "компания", "компании" },
        { "компания", "компаниям" },
        { "лизинг", "лизинга" },
        { "лизинг", "лизингом" },
        { "кроссовер", "кроссоверов" },
        { "грузовик", "грузовиков" },
        { "грузовик", "грузовиками" },
        { "цена", "цены" },
        { "цена", "ценами" },
        { "модель", "моделей" },
        { "модель", "модели" },
        { "производитель", "производителей" },
        { "производство", "производства" },
        { "завод", "заводов" },
        { "завод", "заводе" },
        { "аккумулятор", "аккумуляторов" },
        { "утильсбор", "утильсбора" },
        { "регистрация", "регистраций" },
        { "выросли", "выросла" },
        { "дилерский", "дилерского" },
        { "дилерский", "дилерских" },
        { "российский", "российского" },
        { "новый", "новых" },
        { "автосалон", "автосалонах" },
        { "запчасть", "запчастей" },
        { "двигатель", "двигателем" },
        { "импорт", "импорта" },
        { "поставка", "поставки" },
        { "самолёт", "самолета" },
        { "Электромобили", "ЭЛЕКТРОМОБИЛЕЙ" },
        { "dealer", "dealers" },
        { "vehicle", "vehicles" },
        { "selling", "sells" },
    };

    public static TheoryData<string, string> DifferentStem => new()
    {
        { "дилер", "доля" },
        { "машина", "машинист" },
        { "лизинг", "лизун" },
        { "car", "care" },
    };

    private readonly WordStemmer _stemmer = new();

    [Theory]
    [MemberData(nameof(SameStem))]
    public void Stem_FormsOfOneWord_AreEqual(string one, string other)
    {
        Assert.Equal(_stemmer.Stem(one), _stemmer.Stem(other));
    }

    [Theory]
    [MemberData(nameof(DifferentStem))]
    public void Stem_DifferentWords_Differ(string one, string other)
    {
        Assert.NotEqual(_stemmer.Stem(one), _stemmer.Stem(other));
    }

    [Fact]
    public void StemText_MixedText_KeepsOneStemPerWordInOrder()
    {
        Assert.Equal("продаж haval в 2026 год выросл", _stemmer.StemText("Продажи Haval в 2026 году выросли!"));
        Assert.Equal("", _stemmer.StemText(null));
    }

    [Fact]
    public void Tokenize_Punctuation_SplitsWords()
    {
        const string text = "Lada-Vesta, «Москвич» 3.0";
        var words = WordStemmer.Tokenize(text).Select(t => text.Substring(t.Start, t.Length)).ToArray();
        Assert.Equal(["Lada", "Vesta", "Москвич", "3", "0"], words);
    }

    [Fact]
    public void Fold_EveryCharacter_IsWhatToLowerInvariantGives()
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }
            var text = $"Aж{(char)c}Ё";
            var expected = text.ToLowerInvariant().Replace('ё', 'е');
            var folded = new char[text.Length];
            WordStemmer.Fold(text, folded);
            Assert.Equal(expected, new string(folded));
        }
    }

    [Fact]
    public void Stem_SameWordTwice_GivesTheSameStem()
    {
        var stemmer = new WordStemmer();
        Assert.Equal(stemmer.Stem("Электромобилей"), stemmer.Stem("ЭЛЕКТРОМОБИЛЕЙ"));
        Assert.Equal(stemmer.Stem("электромобилей"), new WordStemmer().Stem("электромобилей"));
    }
}
