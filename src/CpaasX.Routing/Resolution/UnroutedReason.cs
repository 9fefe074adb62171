namespace CpaasX.Routing.Resolution;

/// <summary>Why a message has no route. The names are part of the CLI's output.</summary>
public enum UnroutedReason
{
    /// <summary>No Ready association for the channel at the pair, application or entity level.</summary>
    NoSender,

    /// <summary>The pool has senders, but none usable for the destination's country.</summary>
    NoSenderForDestination,

    /// <summary>The explicit sender is no Resource of the namespace (by name or value).</summary>
    UnknownSender,

    /// <summary>Voice to a number without a VOICE association; number-level settings do not route voice.</summary>
    VoiceRequiresAssociation,

    /// <summary>The number is no resource of the table.</summary>
    UnknownNumber,

    /// <summary>The number is a resource of the table but receives nothing on this channel.</summary>
    NoRouteForChannel,

    /// <summary>A shared number (keywords only) got a message whose first word is none of its keywords.</summary>
    NoKeywordMatch,

    /// <summary>The explicit sender is a Resource of the namespace that is not Ready.</summary>
    SenderNotReady,

    /// <summary>The explicit sender is a Ready Resource that cannot send on the channel (type or capability missing).</summary>
    SenderDoesNotFitChannel,
}
