namespace CpaasX.Operator.PlatformSync;

/// <summary>The kinds of platform object the sync manages.</summary>
public enum PlatformKind
{
    Application,
    Entity,
    Association,
    SendingStrategy,
    Number,
    InboundConfiguration,
}
