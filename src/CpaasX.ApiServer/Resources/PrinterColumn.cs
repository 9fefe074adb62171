namespace CpaasX.ApiServer.Resources;

/// <summary>One column of the Table form of <c>kubectl get</c>, as a CRD's additionalPrinterColumns declares it.</summary>
internal sealed record PrinterColumn(string Name, string Type, string JsonPath, string Description, int Priority);
