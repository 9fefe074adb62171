# Operator image: `docker build -t ghcr.io/cpaasx/cpaasx-operator:0.1.0 .` (see docs/install.md).

# Build stage: the .NET SDK restores and publishes the operator.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Project files first, so the restore layer is reused until a dependency changes.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/CpaasX.Routing/CpaasX.Routing.csproj src/CpaasX.Routing/
COPY src/CpaasX.ApiServer/CpaasX.ApiServer.csproj src/CpaasX.ApiServer/
COPY src/CpaasX.Operator/CpaasX.Operator.csproj src/CpaasX.Operator/
RUN dotnet restore src/CpaasX.Operator/CpaasX.Operator.csproj

COPY src/ src/
RUN dotnet publish src/CpaasX.Operator/CpaasX.Operator.csproj -c Release --no-restore -o /app -p:UseAppHost=false

# Runtime stage: the ASP.NET Core runtime (the operator serves /healthz, /readyz and /metrics) and the published output only.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./

# The same fixed non-root UID as the Deployment's runAsUser.
USER 65532:65532
ENTRYPOINT ["dotnet", "cpaasx-operator.dll", "run"]
