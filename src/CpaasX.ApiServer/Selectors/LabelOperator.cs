namespace CpaasX.ApiServer.Selectors;

internal enum LabelOperator
{
    In,
    NotIn,
    Exists,
    DoesNotExist,
}
